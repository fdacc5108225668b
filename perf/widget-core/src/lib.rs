//! Measurement only, never shipped: every engine call the quick-scan widget makes, exported
//! from a Wasm module without Yew, web-sys or the app's state, so that `docs/performance.md`
//! ("The widget's bytes") can say how small a widget without Yew would be before anyone builds
//! one. A widget built that way would add to this module a DOM layer (hand-written JS, or
//! web-sys calls) and the safe reading and writing of localStorage that `aims_web::storage`
//! and `persist` do today.
//!
//! The calls take and give JSON text, as a small JS layer would use them: the widget's
//! attributes checked (`config`, `parent_origin`), the questions to show (`questions`), an answer
//! written into the saved assessment (`answer`), and what the screen shows for an assessment
//! (`view`: the chosen options, the progress and the quick scan's summary).

use aims_engine::assessment::Assessment;
use aims_engine::catalog::{Question, QuestionKind, QUICK_SCAN_OPTIONS};
use aims_engine::quick_scan::{self, Choice};
use aims_engine::widget::{self, WidgetConfig};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

/// The widget's attributes (a JSON object) checked as `mount` does: its storage namespace and
/// the app's address, or the messages naming each bad attribute.
#[wasm_bindgen]
pub fn config(attributes: &str) -> Result<String, String> {
    let c = WidgetConfig::from_json(attributes).map_err(|e| widget::messages(&e))?;
    Ok(json!({ "namespace": widget::namespace(&c.storage_key), "app_url": c.app_url }).to_string())
}

/// The iframe's `parent-origin`, as `aims-embed` exports it.
#[wasm_bindgen]
pub fn parent_origin(value: &str) -> Result<String, String> {
    widget::parent_origin(value).map_err(|e| e.to_string())
}

/// Every question with its options, as the page shows them.
#[wasm_bindgen]
pub fn questions() -> String {
    let list: Vec<Value> = Question::all()
        .iter()
        .map(|q| {
            let options: Vec<Value> = match q.kind {
                QuestionKind::Maturity(_) => QUICK_SCAN_OPTIONS
                    .iter()
                    .map(|&(level, text)| json!({ "level": level, "text": text }))
                    .collect(),
                _ => q
                    .option_labels()
                    .into_iter()
                    .map(|text| json!({ "text": text }))
                    .collect(),
            };
            let items: Vec<&str> = q.items().iter().map(|id| id.as_str()).collect();
            json!({ "id": q.id, "question": q.question, "help": q.help, "items": items, "options": options })
        })
        .collect();
    Value::Array(list).to_string()
}

fn read(text: &str) -> Result<Assessment, String> {
    if text.is_empty() {
        return Ok(Assessment::default());
    }
    let (a, diagnostics) = Assessment::read(text).map_err(|e| e.to_string())?;
    match diagnostics.iter().find(|d| d.is_error()) {
        Some(d) => Err(d.to_string()),
        None => Ok(a),
    }
}

/// Writes an answer (`choice`: a level 0-5 or an option's index; negative: "not sure") to
/// question `question` of the assessment (its JSON text; empty for a new one) and returns the
/// assessment's JSON.
#[wasm_bindgen]
pub fn answer(assessment: &str, question: usize, choice: i32) -> Result<String, String> {
    let mut a = read(assessment)?;
    let q = Question::all()
        .get(question)
        .ok_or_else(|| format!("there is no question {question}"))?;
    let choice = u8::try_from(choice).ok().map(|c| match q.kind {
        QuestionKind::Maturity(_) => Choice::Level(c),
        _ => Choice::Option(usize::from(c)),
    });
    quick_scan::answer(&mut a, q, choice);
    Ok(a.to_json())
}

/// What the screen shows for an assessment: the option each question shows as chosen, the
/// progress, and the quick scan's summary (as the widget's `aims:completed` event carries it).
#[wasm_bindgen]
pub fn view(assessment: &str) -> Result<String, String> {
    let a = read(assessment)?;
    let chosen: Vec<Value> = Question::all()
        .iter()
        .map(|q| match quick_scan::chosen(q, &a) {
            Some(Choice::Level(l)) => json!(l),
            Some(Choice::Option(o)) => json!(o),
            None => Value::Null,
        })
        .collect();
    let p = quick_scan::progress(&a);
    let summary = quick_scan::summary(&a).map(|s| {
        json!({
            "score": s.readiness,
            "verdict": s.verdict,
            "verdict_reason": s.verdict_reason.to_string(),
            "answered": s.answered,
            "total": s.total,
            "top_gaps": s.top_gaps,
            "proposed_exclusions": s.proposed_exclusions,
        })
    });
    Ok(json!({
        "chosen": chosen,
        "questions_answered": p.answered,
        "questions": p.total,
        "first_unanswered": p.first_unanswered,
        "summary": summary,
    })
    .to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_calls_answer_and_summarise_as_the_widget_does() {
        let mut a = String::new();
        for (i, q) in Question::all().iter().enumerate() {
            let choice = match q.kind {
                QuestionKind::Maturity(_) => 2,
                _ => 1,
            };
            a = answer(&a, i, choice).unwrap();
        }
        let v: Value = serde_json::from_str(&view(&a).unwrap()).unwrap();
        assert_eq!(v["questions_answered"], v["questions"]);
        let (assessment, _) = Assessment::read(&a).unwrap();
        let full = aims_engine::readiness::score(&assessment);
        assert_eq!(v["summary"]["score"], json!(full.readiness));
        assert_eq!(v["summary"]["verdict"], json!(full.verdict));
        assert_eq!(v["summary"]["top_gaps"].as_array().unwrap().len(), 3);
        assert!(config(r#"{"storage-key":"a b"}"#)
            .unwrap()
            .contains("aims-readiness-embed:"));
        assert!(config(r#"{"mode":"full"}"#).is_err());
        assert_eq!(
            questions().matches("\"question\"").count(),
            Question::all().len()
        );
    }
}
