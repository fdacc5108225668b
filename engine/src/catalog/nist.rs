//! NIST AI RMF 1.0 core: 4 functions, 19 categories, 72 subcategories, with NIST's text
//! (NIST AI 100-1, public domain).

use super::data::{CATEGORIES, CATEGORY_IDS, FUNCTION_TEXT, SUBCATEGORIES, SUBCATEGORY_IDS};
use super::suggest::{nearest, UnknownId};
use std::fmt;

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Function {
    Govern,
    Map,
    Measure,
    Manage,
}

impl Function {
    pub const ALL: [Function; 4] = [
        Function::Govern,
        Function::Map,
        Function::Measure,
        Function::Manage,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Function::Govern => "GOVERN",
            Function::Map => "MAP",
            Function::Measure => "MEASURE",
            Function::Manage => "MANAGE",
        }
    }

    pub fn text(self) -> &'static str {
        FUNCTION_TEXT[self as usize]
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn parse(s: &str) -> Result<Function, UnknownId> {
        let t = s.trim().to_ascii_uppercase();
        Function::ALL
            .into_iter()
            .find(|f| f.as_str() == t)
            .ok_or_else(|| {
                UnknownId::new(
                    s,
                    "a NIST AI RMF function",
                    nearest(&t, Function::ALL.iter().map(|f| f.as_str())),
                )
            })
    }

    pub fn categories(self) -> impl Iterator<Item = CategoryId> {
        CategoryId::all().filter(move |c| c.info().function == self)
    }

    pub fn subcategories(self) -> impl Iterator<Item = SubcategoryId> {
        SubcategoryId::all().filter(move |s| s.info().function == self)
    }
}

#[derive(Debug)]
pub struct CategoryInfo {
    pub id: &'static str,
    pub function: Function,
    pub text: &'static str,
}

#[derive(Debug)]
pub struct SubcategoryInfo {
    pub id: &'static str,
    pub function: Function,
    pub category: CategoryId,
    pub text: &'static str,
}

/// A NIST AI RMF category such as `GOVERN 1`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CategoryId(pub(crate) u16);

/// A NIST AI RMF subcategory such as `GOVERN 1.1`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SubcategoryId(pub(crate) u16);

/// Accepts `GOVERN 1.1`, `govern 1.1`, `GOVERN-1.1`, `GV-1.1` style spellings of the same id.
fn normalise(s: &str) -> String {
    let t = s.trim().to_ascii_uppercase().replace(['-', '_'], " ");
    let mut parts = t.split_whitespace();
    let (Some(head), rest) = (parts.next(), parts.collect::<Vec<_>>().join(" ")) else {
        return t;
    };
    let head = match head {
        "GV" => "GOVERN",
        "MP" => "MAP",
        "MS" => "MEASURE",
        "MG" => "MANAGE",
        h => h,
    };
    if rest.is_empty() {
        head.to_string()
    } else {
        format!("{head} {rest}")
    }
}

impl CategoryId {
    pub fn all() -> impl Iterator<Item = CategoryId> {
        (0..CATEGORIES.len()).map(|i| CategoryId(i as u16))
    }
    pub fn info(self) -> &'static CategoryInfo {
        &CATEGORIES[self.0 as usize]
    }
    /// The id, from the table of ids alone (parsing and printing ids link no NIST text).
    pub fn as_str(self) -> &'static str {
        CATEGORY_IDS[self.0 as usize]
    }
    pub fn index(self) -> usize {
        self.0 as usize
    }
    pub fn subcategories(self) -> impl Iterator<Item = SubcategoryId> {
        SubcategoryId::all().filter(move |s| s.info().category == self)
    }
    pub fn parse(s: &str) -> Result<CategoryId, UnknownId> {
        let t = normalise(s);
        CATEGORY_IDS
            .iter()
            .position(|&c| c == t)
            .map(|i| CategoryId(i as u16))
            .ok_or_else(|| {
                UnknownId::new(
                    s,
                    "a NIST AI RMF category",
                    nearest(&t, CATEGORY_IDS.iter().copied()),
                )
            })
    }
}

impl SubcategoryId {
    pub fn all() -> impl Iterator<Item = SubcategoryId> {
        (0..SUBCATEGORIES.len()).map(|i| SubcategoryId(i as u16))
    }
    pub fn info(self) -> &'static SubcategoryInfo {
        &SUBCATEGORIES[self.0 as usize]
    }
    /// The id, from the table of ids alone (parsing and printing ids link no NIST text).
    pub fn as_str(self) -> &'static str {
        SUBCATEGORY_IDS[self.0 as usize]
    }
    pub fn index(self) -> usize {
        self.0 as usize
    }
    pub fn parse(s: &str) -> Result<SubcategoryId, UnknownId> {
        let t = normalise(s);
        SUBCATEGORY_IDS
            .iter()
            .position(|&c| c == t)
            .map(|i| SubcategoryId(i as u16))
            .ok_or_else(|| {
                UnknownId::new(
                    s,
                    "a NIST AI RMF subcategory",
                    nearest(&t, SUBCATEGORY_IDS.iter().copied()),
                )
            })
    }
}

macro_rules! id_traits {
    ($t:ty, $name:literal) => {
        impl fmt::Debug for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($name, "({})"), self.as_str())
            }
        }
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                <$t>::parse(&s).map_err(serde::de::Error::custom)
            }
        }
    };
}
id_traits!(CategoryId, "CategoryId");
id_traits!(SubcategoryId, "SubcategoryId");
id_traits!(Function, "Function");
