//! Catalog listings as CSV and JSON: what `aims catalog` prints and the JS API returns.

use super::{
    Function, IsoId, Pair, Question, QuestionKind, Relationship, SubcategoryId, GENERIC_LEVELS,
};
use crate::csv::CsvWriter;
use serde_json::{json, Value};

/// The catalogs that can be listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CatalogName {
    Iso42001,
    NistAiRmf,
    Crosswalk,
    QuickScan,
}

/// A catalog name that is none of [`CatalogName::ALL`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCatalog {
    pub name: String,
}

impl std::fmt::Display for UnknownCatalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown catalog {:?}; expected one of {}",
            self.name,
            CatalogName::ALL.map(|c| c.as_str()).join(", ")
        )
    }
}

impl std::error::Error for UnknownCatalog {}

impl CatalogName {
    pub const ALL: [CatalogName; 4] = [
        CatalogName::Iso42001,
        CatalogName::NistAiRmf,
        CatalogName::Crosswalk,
        CatalogName::QuickScan,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CatalogName::Iso42001 => "iso42001",
            CatalogName::NistAiRmf => "nist-ai-rmf",
            CatalogName::Crosswalk => "crosswalk",
            CatalogName::QuickScan => "quick-scan",
        }
    }

    pub fn parse(s: &str) -> Result<CatalogName, UnknownCatalog> {
        CatalogName::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| UnknownCatalog {
                name: s.to_string(),
            })
    }

    /// CSV: `id,title,kind,parent` (iso42001), `id,function,category,text` (nist-ai-rmf),
    /// `nist_id,iso_id,relationship,rationale` (crosswalk), `id,question,help,items` (quick-scan).
    pub fn csv(self) -> String {
        let mut w = CsvWriter::new();
        match self {
            CatalogName::Iso42001 => {
                w.row(["id", "title", "kind", "parent"]);
                for id in IsoId::all() {
                    let it = id.item();
                    w.row([
                        it.id,
                        it.title,
                        it.kind.as_str(),
                        it.parent.map_or("", IsoId::as_str),
                    ]);
                }
            }
            CatalogName::NistAiRmf => {
                w.row(["id", "function", "category", "text"]);
                for s in SubcategoryId::all() {
                    let i = s.info();
                    w.row([i.id, i.function.as_str(), i.category.as_str(), i.text]);
                }
            }
            CatalogName::Crosswalk => {
                w.row(["nist_id", "iso_id", "relationship", "rationale"]);
                for p in Pair::all() {
                    w.row([
                        p.nist.as_str(),
                        p.iso.as_str(),
                        p.relationship.as_str(),
                        p.rationale,
                    ]);
                }
            }
            CatalogName::QuickScan => {
                w.row(["id", "kind", "question", "help", "items", "options"]);
                for q in Question::all() {
                    let items: Vec<&str> = q.items().iter().map(|i| i.as_str()).collect();
                    let options = q.option_labels();
                    w.row([
                        q.id,
                        q.kind_str(),
                        q.question,
                        q.help,
                        &items.join(" "),
                        &options.join(" | "),
                    ]);
                }
            }
        }
        w.finish()
    }

    /// JSON with everything the catalog holds (guidance included for ISO items).
    pub fn json(self) -> Value {
        match self {
            CatalogName::Iso42001 => json!({
                "catalog": "iso42001",
                "attribution": super::ISO_ATTRIBUTION,
                "maturity_levels": GENERIC_LEVELS.iter().map(|l| json!({
                    "level": l.level, "name": l.name, "meaning": l.meaning
                })).collect::<Vec<_>>(),
                "items": IsoId::all().map(|id| {
                    let it = id.item();
                    let mut v = json!({
                        "id": it.id,
                        "title": it.title,
                        "kind": it.kind.as_str(),
                        "parent": it.parent.map(IsoId::as_str),
                        "assessable": it.assessable,
                        "harmonized_structure": id.harmonized_structure(),
                    });
                    if let (Some(g), Some(e)) = (it.guidance, id.explanation()) {
                        v["criticality"] = json!(g.criticality.as_str());
                        v["asks"] = json!(e.asks);
                        v["evidence"] = json!(e.evidence);
                        v["action"] = json!(g.action);
                        if let Some(levels) = e.levels {
                            v["levels"] = json!(levels);
                        }
                    }
                    v
                }).collect::<Vec<_>>(),
            }),
            CatalogName::NistAiRmf => json!({
                "catalog": "nist-ai-rmf",
                "attribution": super::NIST_ATTRIBUTION,
                "functions": Function::ALL.iter().map(|f| json!({
                    "id": f.as_str(),
                    "text": f.text(),
                    "categories": f.categories().map(|c| json!({
                        "id": c.as_str(),
                        "text": c.info().text,
                        "subcategories": c.subcategories().map(|s| json!({
                            "id": s.as_str(), "text": s.info().text
                        })).collect::<Vec<_>>(),
                    })).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            }),
            CatalogName::Crosswalk => json!({
                "catalog": "crosswalk",
                "attribution": super::CROSSWALK_ATTRIBUTION,
                "pairs": Pair::all().iter().map(|p| {
                    let mut v = json!({
                        "nist_id": p.nist.as_str(),
                        "iso_id": p.iso.as_str(),
                        "relationship": p.relationship.as_str(),
                        "rationale": p.rationale,
                        "iso_ref_as_printed": p.iso_ref_as_printed,
                    });
                    if let Some(n) = p.note {
                        v["note"] = json!(n);
                    }
                    v
                }).collect::<Vec<_>>(),
                "iso_items_without_pair": IsoId::assessable()
                    .filter(|&i| Pair::for_iso(i).next().is_none())
                    .map(IsoId::as_str)
                    .collect::<Vec<_>>(),
                "relationships": Relationship::ALL.iter().map(|&r| json!({
                    "relationship": r.as_str(), "pairs": Pair::count(r)
                })).collect::<Vec<_>>(),
                "assess_directly": IsoId::assessable()
                    .filter_map(|i| i.not_addressed_by_nist().map(|reason| json!({
                        "item": i.as_str(), "reason": reason
                    })))
                    .collect::<Vec<_>>(),
                "jointly_complete": SubcategoryId::all()
                    .filter_map(|s| s.jointly_complete().map(|(set, reason)| json!({
                        "nist_id": s.as_str(),
                        "iso_ids": set.iter().map(|p| p.iso.as_str()).collect::<Vec<_>>(),
                        "reason": reason,
                    })))
                    .collect::<Vec<_>>(),
            }),
            CatalogName::QuickScan => json!({
                "catalog": "quick-scan",
                "options": super::QUICK_SCAN_OPTIONS.iter().map(|(m, label)| json!({
                    "maturity": m, "label": label
                })).collect::<Vec<_>>(),
                "questions": Question::all().iter().map(|q| match q.kind {
                    QuestionKind::Maturity(items) => json!({
                        "id": q.id,
                        "kind": q.kind_str(),
                        "question": q.question,
                        "help": q.help,
                        "items": items.iter().map(|i| i.as_str()).collect::<Vec<_>>(),
                    }),
                    QuestionKind::Roles(options) => json!({
                        "id": q.id,
                        "kind": q.kind_str(),
                        "question": q.question,
                        "help": q.help,
                        "options": options.iter().map(|(roles, label)| json!({
                            "label": label,
                            "roles": roles.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
                        })).collect::<Vec<_>>(),
                    }),
                    QuestionKind::Certificates(options) => json!({
                        "id": q.id,
                        "kind": q.kind_str(),
                        "question": q.question,
                        "help": q.help,
                        "options": options.iter().map(|(certs, label)| json!({
                            "label": label,
                            "certifications": certs,
                        })).collect::<Vec<_>>(),
                    }),
                }).collect::<Vec<_>>(),
            }),
        }
    }
}
