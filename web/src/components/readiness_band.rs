//! The indicative readiness band as a panel. The bands themselves (ranges, labels, meaning,
//! the verdict's cap) are the engine's: `aims_engine::band`.

use crate::components::icon::{icon, Icon};
pub use aims_engine::band::ReadinessBand;
use aims_engine::scoring::Verdict;
use yew::prelude::*;

/// The band's style class.
pub(crate) fn band_class(band: ReadinessBand) -> &'static str {
    match band {
        ReadinessBand::EarlyStage => "band-early",
        ReadinessBand::Developing => "band-developing",
        ReadinessBand::NearlyReady => "band-nearly",
        ReadinessBand::ReadyForAudit => "band-ready",
    }
}

/// The band's icon (its name is always shown beside it).
pub(crate) fn band_icon(band: ReadinessBand) -> Icon {
    match band {
        ReadinessBand::EarlyStage => Icon::Cross,
        ReadinessBand::Developing => Icon::Half,
        ReadinessBand::NearlyReady => Icon::Warning,
        ReadinessBand::ReadyForAudit => Icon::Check,
    }
}

#[derive(Properties, PartialEq)]
pub struct ReadinessBandProps {
    /// `Report::readiness`; `None` when nothing is assessed yet.
    pub readiness: Option<f64>,
    /// The verdict, which caps the band below "Ready for audit" unless it is positive.
    pub verdict: Verdict,
}

/// The band as a panel: its name, the score, what it means, and a four-step scale on which the
/// current band is marked in words as well as colour.
#[function_component(ReadinessBandView)]
pub fn readiness_band_view(props: &ReadinessBandProps) -> Html {
    let Some(score) = props.readiness else {
        return html! {
            <div class="band panel band-none">
                <p class="band-label">{ icon(Icon::Unknown) }<span>{"No band yet"}</span></p>
                <p>{ aims_engine::band::NO_BAND }</p>
            </div>
        };
    };
    let band = ReadinessBand::reading(score, props.verdict);
    html! {
        <div class={classes!("band", "panel", band_class(band))}>
            <p class="band-kicker">{"Indicative readiness band"}</p>
            <p class="band-label">{ icon(band_icon(band)) }<span>{ band.label() }</span></p>
            <p class="band-score">{ band.score_text(score) }</p>
            <p>{ band.meaning() }</p>
            <ol class="band-scale" aria-label="Readiness bands">
                { for ReadinessBand::ALL.iter().map(|&b| {
                    let current = b == band;
                    html! {
                        <li class={classes!(band_class(b), current.then_some("band-current"))}
                            aria-current={current.then_some("true")}>
                            <span class="band-scale-name">{ b.label() }</span>
                            <span class="band-scale-range">{ b.range() }</span>
                            if current { <span class="band-scale-you">{"You are here"}</span> }
                        </li>
                    }
                }) }
            </ol>
        </div>
    }
}
