//! Small status icons drawn as inline SVG, so that colour is never the only signal: every
//! status shows an icon of its own shape next to its words. Icons are decorative
//! (`aria-hidden`): the words beside them carry the meaning.

use yew::prelude::*;

/// The shape of an icon.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    /// A tick in a circle: done, covered, ready.
    Check,
    /// An exclamation mark in a triangle: needs action.
    Warning,
    /// A cross in a circle: missing, not ready.
    Cross,
    /// An "i" in a circle: for information.
    Info,
    /// A half-filled circle: partly there.
    Half,
    /// A dashed circle: not known yet.
    Unknown,
    /// A dash in a circle: out of scope.
    Dash,
}

/// The icon as the markup of an inline SVG of 1em, coloured by the text colour around it (the
/// app renders it through [`icon`]; the widget, which has no Yew, writes it as it is).
pub fn svg(kind: Icon) -> &'static str {
    match kind {
        Icon::Check => concat!(
            r#"<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">"#,
            r#"<circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M4.6 8.3l2.3 2.3 4.6-4.8" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>"#,
            "</svg>"
        ),
        Icon::Warning => concat!(
            r#"<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">"#,
            r#"<path d="M8 1.5l7 12.5H1z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/><path d="M8 6v3.6" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/><circle cx="8" cy="11.9" r="1" fill="currentColor"/>"#,
            "</svg>"
        ),
        Icon::Cross => concat!(
            r#"<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">"#,
            r#"<circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M5.4 5.4l5.2 5.2M10.6 5.4l-5.2 5.2" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>"#,
            "</svg>"
        ),
        Icon::Info => concat!(
            r#"<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">"#,
            r#"<circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M8 7.2v4.3" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/><circle cx="8" cy="4.7" r="1" fill="currentColor"/>"#,
            "</svg>"
        ),
        Icon::Half => concat!(
            r#"<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">"#,
            r#"<circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M8 1a7 7 0 0 1 0 14z" fill="currentColor"/>"#,
            "</svg>"
        ),
        Icon::Unknown => concat!(
            r#"<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">"#,
            r#"<circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.5" stroke-dasharray="2.2 2"/>"#,
            "</svg>"
        ),
        Icon::Dash => concat!(
            r#"<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">"#,
            r#"<circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M4.8 8h6.4" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>"#,
            "</svg>"
        ),
    }
}

/// The icon as an inline SVG of 1em, coloured by the text colour around it.
pub fn icon(kind: Icon) -> Html {
    Html::from_html_unchecked(AttrValue::Static(svg(kind)))
}

/// The tone of a badge: picks its colours (the icon and words carry the meaning).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Ok,
    Warn,
    Bad,
    Neutral,
}

impl Tone {
    fn class(self) -> &'static str {
        match self {
            Tone::Ok => "badge badge-ok",
            Tone::Warn => "badge badge-warn",
            Tone::Bad => "badge badge-bad",
            Tone::Neutral => "badge badge-neutral",
        }
    }
}

/// A small label: an icon and words on a tinted background.
pub fn badge(tone: Tone, kind: Icon, text: &str) -> Html {
    html! {
        <span class={tone.class()}>{ icon(kind) }<span>{ text.to_string() }</span></span>
    }
}
