//! The widget's screens as HTML text: the same markup, classes and wording as the app's
//! quick-scan page (`crate::pages::quick_scan`, which the widget's stylesheet styles), written
//! without Yew. Every sentence and the options come from the engine (`aims_engine::quick_scan`:
//! `choices`, `wording`; the band, the verdict, the gaps), as for the app's page; headings and
//! button labels are the markup's, the same words as there. Every text is escaped.

use crate::components::icon::{svg, Icon};
use crate::components::readiness::verdict_look;
use crate::components::readiness_band::{band_class, band_icon, ReadinessBand};
use crate::route::Route;
use aims_engine::catalog::Question;
use aims_engine::quick_scan::{self, wording, Choice, Progress, Summary};
use aims_engine::scoring::Gap;

/// The question heading's id (focus moves to it on every step).
pub const QUESTION_H: &str = "qs-question";
/// The end screen's heading id.
pub const END_H: &str = "qs-end-h";

/// Text escaped for an element's content or a quoted attribute value.
pub fn esc(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Appends `<tag class="…">text</tag>`, the text escaped.
fn el(out: &mut String, tag: &str, class: &str, text: &str) {
    out.push('<');
    out.push_str(tag);
    if !class.is_empty() {
        out.push_str(" class=\"");
        out.push_str(class);
        out.push('"');
    }
    out.push('>');
    esc(out, text);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// The frame around every screen: the kicker, a storage note when there is one, the screen,
/// the footer.
pub fn frame(note: Option<&str>, screen: &str) -> String {
    let mut out = String::with_capacity(screen.len() + 512);
    out.push_str(r#"<div class="aims-embed"><p class="embed-kicker"><span class="embed-mark" aria-hidden="true">"#);
    out.push('\u{25c6}');
    out.push_str("</span>ISO/IEC 42001 quick scan</p>");
    if let Some(note) = note {
        out.push_str(r#"<p class="embed-note" role="status">"#);
        esc(&mut out, note);
        out.push_str("</p>");
    }
    out.push_str(screen);
    el(
        &mut out,
        "p",
        "embed-footer",
        "Indicative only, not certification advice. Runs in your browser: your answers are not sent anywhere. AIMS Readiness.",
    );
    out.push_str("</div>");
    out
}

/// The progress line and bar: "Question 3 of 25 · 2 answered".
pub fn progress(step: usize, p: Progress) -> String {
    let label = wording::progress_label(step, p);
    let mut out =
        String::from(r#"<div class="progress"><p class="progress-label" id="qs-progress-label">"#);
    esc(&mut out, &label);
    out.push_str(&format!(
        r#"</p><progress id="qs-progress" max="{}" value="{}" aria-labelledby="qs-progress-label">"#,
        p.total.max(1),
        (step + 1).min(p.total.max(1))
    ));
    esc(&mut out, &label);
    out.push_str("</progress></div>");
    out
}

/// A question screen: progress, the question and its help, its options as a native radio group
/// (`chosen` checked), where the answer is kept, and Back / Not sure / Next.
pub fn question(
    step: usize,
    q: &Question,
    chosen: Option<Choice>,
    p: Progress,
    embedded: bool,
) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str(r#"<section class="quick-scan" aria-labelledby="qs-question">"#);
    out.push_str(&progress(step, p));
    out.push_str(r#"<form class="qs-card panel"><h2 id="qs-question" tabindex="-1">"#);
    esc(&mut out, q.question);
    out.push_str(r#"</h2><p id="qs-help" class="muted">"#);
    esc(&mut out, q.help);
    out.push_str(r#"</p><div class="qs-options" role="radiogroup" aria-labelledby="qs-question" aria-describedby="qs-help">"#);
    for (choice, level, text) in quick_scan::choices(q) {
        let value = choice.value();
        let checked = chosen == Some(choice);
        out.push_str(&format!(
            r#"<label for="qs-{id}-{value}" class="qs-option{}"><input type="radio" id="qs-{id}-{value}" name="qs-{id}" value="{value}"{}>"#,
            if checked { " qs-option-checked" } else { "" },
            if checked { " checked" } else { "" },
            id = q.id,
        ));
        if let Some(level) = level {
            out.push_str(&format!(
                r#"<span class="qs-level" aria-hidden="true">{level}</span>"#
            ));
        }
        el(&mut out, "span", "qs-text", text);
        out.push_str("</label>");
    }
    out.push_str("</div>");
    el(
        &mut out,
        "p",
        "qs-applies muted small",
        &wording::applies(q, embedded),
    );
    out.push_str(&format!(
        r#"<div class="qs-nav"><button type="button" class="secondary" data-go="back"{}><span aria-hidden="true">{} </span>Back</button><button type="button" class="link-button qs-skip" data-go="next">Not sure / skip</button><button type="button" class="qs-next" data-go="next">{}<span aria-hidden="true"> {}</span></button></div></form></section>"#,
        if step == 0 { " disabled" } else { "" },
        '\u{2190}',
        if step + 1 == p.total { "See my result" } else { "Next" },
        '\u{2192}',
    ));
    out
}

/// The end screen of a scan with unanswered questions: what is missing, each unanswered
/// question a button back to it (`unanswered`: index and question), and "Review your answers".
pub fn partial(p: Progress, unanswered: &[(usize, &Question)]) -> String {
    let mut out = String::from(
        r#"<section class="qs-end" aria-labelledby="qs-end-h"><h2 id="qs-end-h" tabindex="-1">"#,
    );
    esc(&mut out, &wording::partial_heading(p));
    out.push_str(r#"</h2><div class="callout callout-info">"#);
    out.push_str(svg(Icon::Info));
    el(&mut out, "p", "", &wording::missing(p));
    out.push_str(r#"</div><ul class="qs-unanswered-list">"#);
    for (i, q) in unanswered {
        out.push_str(&format!(
            r#"<li><button type="button" class="link-button qs-unanswered" data-jump="{i}">"#
        ));
        esc(&mut out, &wording::unanswered(*i, q));
        out.push_str("</button></li>");
    }
    out.push_str(r#"</ul><div class="actions qs-cta"><button type="button" data-go="review">Review your answers</button></div></section>"#);
    out
}

/// The band panel, as the app's `ReadinessBandView` draws it.
fn band(out: &mut String, readiness: Option<f64>, verdict: aims_engine::scoring::Verdict) {
    let Some(score) = readiness else {
        out.push_str(r#"<div class="band panel band-none"><p class="band-label">"#);
        out.push_str(svg(Icon::Unknown));
        out.push_str("<span>No band yet</span></p>");
        el(out, "p", "", aims_engine::band::NO_BAND);
        out.push_str("</div>");
        return;
    };
    let b = ReadinessBand::reading(score, verdict);
    out.push_str(&format!(
        r#"<div class="band panel {}"><p class="band-kicker">Indicative readiness band</p><p class="band-label">"#,
        band_class(b)
    ));
    out.push_str(svg(band_icon(b)));
    el(out, "span", "", b.label());
    out.push_str("</p>");
    el(out, "p", "band-score", &b.score_text(score));
    el(out, "p", "", b.meaning());
    out.push_str(r#"<ol class="band-scale" aria-label="Readiness bands">"#);
    for x in ReadinessBand::ALL {
        let current = x == b;
        out.push_str(&format!(
            r#"<li class="{}{}"{}>"#,
            band_class(x),
            if current { " band-current" } else { "" },
            if current {
                r#" aria-current="true""#
            } else {
                ""
            }
        ));
        el(out, "span", "band-scale-name", x.label());
        el(out, "span", "band-scale-range", x.range());
        if current {
            out.push_str(r#"<span class="band-scale-you">You are here</span>"#);
        }
        out.push_str("</li>");
    }
    out.push_str("</ol></div>");
}

/// A gap: its id and title, the levels, and the next step (the app's `gap_body`).
fn gap(out: &mut String, g: &Gap) {
    out.push_str(
        r#"<li class="qs-gap panel"><p class="qs-gap-title"><strong><span class="item-id">"#,
    );
    esc(out, g.item.as_str());
    out.push_str("</span> ");
    esc(out, g.title);
    out.push_str(&format!(
        r#"</strong></p><p class="gap-levels">Maturity <strong>{}</strong><span aria-hidden="true"> {} </span><span class="visually-hidden"> to </span>{}<strong>{}</strong><span class="muted"> {} {} criticality</span></p><p class="gap-action"><span class="muted">Next step: </span>"#,
        g.current,
        '\u{2192}',
        if g.finding.is_some() { "level " } else { "target " },
        g.target,
        '\u{b7}',
        g.criticality.as_str(),
    ));
    esc(out, &g.action.to_string());
    out.push_str("</p></li>");
}

/// Where the end screen of a complete scan leads: in the widget, the full app (when the host
/// gave its address, in a new tab); on the app's first-use page, the app's own pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Onward<'a> {
    Widget { app_url: Option<&'a str> },
    App,
}

/// The end screen of a complete scan: band, what it rests on, the verdict, the proposed
/// exclusions, the top gaps, and the links on.
pub fn result(p: Progress, s: &Summary, onward: Onward) -> String {
    let embedded = matches!(onward, Onward::Widget { .. });
    let mut out = String::with_capacity(8192);
    out.push_str(r#"<section class="qs-end" aria-labelledby="qs-end-h"><h2 id="qs-end-h" tabindex="-1">Your indicative readiness</h2>"#);
    band(&mut out, s.readiness, s.verdict);
    el(
        &mut out,
        "p",
        "muted qs-indicative",
        &wording::indicative(p, s),
    );
    let (title, icon, tone) = verdict_look(s.verdict);
    out.push_str(&format!(
        r#"<h3>If you were audited today</h3><div class="verdict panel {tone}"><span class="verdict-icon">"#
    ));
    out.push_str(svg(icon));
    out.push_str("</span><div>");
    el(&mut out, "p", "verdict-title", title);
    el(&mut out, "p", "", &s.verdict_reason.to_string());
    out.push_str("</div></div>");
    if let Some(note) = wording::proposals(s, embedded) {
        el(&mut out, "p", "callout callout-info qs-proposals", &note);
    }
    out.push_str("<h3>Your top three gaps</h3>");
    if s.top_gaps.is_empty() {
        el(&mut out, "p", "muted", &wording::no_gaps());
    } else {
        out.push_str(r#"<ol class="qs-gaps">"#);
        for g in &s.top_gaps {
            gap(&mut out, g);
        }
        out.push_str("</ol>");
    }
    out.push_str(r#"<div class="actions qs-cta">"#);
    match onward {
        Onward::Widget { app_url } => {
            if let Some(url) = app_url {
                out.push_str(r#"<a class="button" href=""#);
                esc(&mut out, url);
                out.push_str(r#"" target="_blank" rel="noopener">Do the full assessment in AIMS Readiness<span class="visually-hidden"> (opens in a new tab)</span></a>"#);
            }
            out.push_str(r#"<button type="button" class="secondary" data-go="review">Review your answers</button></div></section>"#);
        }
        Onward::App => {
            out.push_str(&format!(
                r#"<a class="button" href="{}">Continue with the full assessment</a><a class="button secondary" href="{}">See full results</a><button type="button" class="link-button" data-go="review">Review your answers</button></div>"#,
                Route::Assessment.hash(),
                Route::Results.hash()
            ));
            el(
                &mut out,
                "p",
                "muted small",
                wording::IN_THE_FULL_ASSESSMENT,
            );
            out.push_str("</section>");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use aims_engine::quick_scan::{progress as scan_progress, summary, Record};

    #[test]
    fn text_is_escaped_everywhere_it_is_written() {
        let mut out = String::new();
        esc(&mut out, r#"<a href="x">'&'</a>"#);
        assert_eq!(out, "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        let r = Record::default();
        let a = r.assessment();
        let s = summary(&a).unwrap();
        let html = result(
            scan_progress(&a),
            &s,
            Onward::Widget {
                app_url: Some(r#"https://x.example/?a="b"&c"#),
            },
        );
        assert!(
            html.contains(r#"href="https://x.example/?a=&quot;b&quot;&amp;c""#),
            "{html}"
        );
    }

    #[test]
    fn a_question_screen_checks_the_chosen_option_and_names_each_radio_by_its_choice() {
        let q = &Question::all()[1];
        let p = Progress {
            answered: 1,
            total: Question::all().len(),
            first_unanswered: 1,
        };
        let html = question(1, q, Some(Choice::Option(0)), p, true);
        assert!(
            html.contains(&format!(r#"name="qs-{}" value="o0" checked>"#, q.id)),
            "{html}"
        );
        assert_eq!(html.matches(" checked>").count(), 1);
        assert_eq!(
            html.matches(r#"type="radio""#).count(),
            quick_scan::choices(q).len()
        );
        assert!(html.contains("Question 2 of"));
        assert!(
            !html.contains(" disabled"),
            "Back works from the second question"
        );
        let first = question(0, &Question::all()[0], None, p, false);
        assert!(first.contains(r#"data-go="back" disabled"#));
        assert_eq!(first.matches(" checked>").count(), 0);
    }

    #[test]
    fn screens_balance_their_tags() {
        // A well-formed screen opens and closes every element it writes (void ones aside).
        let mut r = Record::default();
        for (i, q) in Question::all().iter().enumerate() {
            let all = quick_scan::choices(q);
            let c = all[i % all.len()].0;
            r.set(i, Some(c));
        }
        let a = r.assessment();
        let s = summary(&a).unwrap();
        let p = scan_progress(&a);
        let unanswered = [(2, &Question::all()[2])];
        for html in [
            frame(
                Some("note"),
                &result(
                    p,
                    &s,
                    Onward::Widget {
                        app_url: Some("/app/"),
                    },
                ),
            ),
            result(p, &s, Onward::App),
            frame(None, &question(0, &Question::all()[0], None, p, true)),
            frame(None, &partial(p, &unanswered)),
        ] {
            for tag in [
                "div", "p", "section", "form", "label", "span", "button", "ol", "ul", "li", "h2",
                "h3", "strong", "svg", "a",
            ] {
                let open = html.matches(&format!("<{tag} ")).count()
                    + html.matches(&format!("<{tag}>")).count();
                let close = html.matches(&format!("</{tag}>")).count();
                assert_eq!(open, close, "<{tag}> in {html}");
            }
        }
    }
}
