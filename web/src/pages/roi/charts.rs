//! The ROI charts, drawn as inline SVG: the NPV histogram of the Monte Carlo and the tornado of
//! the inputs that move the NPV most. Each is an `<svg role="img">` whose `aria-label` states
//! what it shows, followed by the same data as a table in a "Show as table" disclosure; colour
//! is never the only signal (a labelled zero line, a hatched and a solid side, values at the
//! ends of the bars). Bars are laid out in percentages of the width and text in pixels, so the
//! charts stretch to the space there is and stay legible at 360 px.

use super::figures::{compact, grouped, money, percent, plain, share};
use aims_engine::roi::{Assumption, MonteCarlo, TornadoBar};
use yew::prelude::*;

/// Height of the histogram's plot area and where it starts.
const HIST_TOP: f64 = 28.0;
const HIST_PLOT: f64 = 150.0;

/// The NPV histogram with its table.
pub fn histogram(mc: &MonteCarlo, currency: &str) -> Html {
    let bins = &mc.histogram;
    let (Some(first), Some(last)) = (bins.first(), bins.last()) else {
        return html! {};
    };
    let (lo, hi) = (first.from, last.to);
    let span = (hi - lo).max(f64::MIN_POSITIVE);
    let max_count = bins.iter().map(|b| b.count).max().unwrap_or(1).max(1);
    let n = bins.len() as f64;
    let x_of = |v: f64| ((v - lo) / span * 100.0).clamp(0.0, 100.0);
    let aria = format!(
        "Histogram of the net present value over {} trials, from {} to {}. P10 {}, median {}, P90 {}. {} of trials have a positive NPV.",
        grouped(f64::from(mc.trials)),
        money(lo, currency),
        money(hi, currency),
        money(mc.npv.p10, currency),
        money(mc.npv.p50, currency),
        money(mc.npv.p90, currency),
        share(mc.probability_npv_positive),
    );
    let bars = bins.iter().enumerate().map(|(i, b)| {
        let h = f64::from(b.count) / f64::from(max_count) * HIST_PLOT;
        let class = if b.to <= 0.0 {
            "hist-bar hist-loss"
        } else if b.from >= 0.0 {
            "hist-bar hist-gain"
        } else {
            "hist-bar hist-mixed"
        };
        let (x, w) = if bins.len() == 1 {
            (40.0, 20.0)
        } else {
            (i as f64 / n * 100.0, 100.0 / n)
        };
        html! {
            <rect class={class} x={format!("{x:.3}%")} width={format!("{w:.3}%")}
                y={format!("{:.1}", HIST_TOP + HIST_PLOT - h)} height={format!("{h:.1}")} />
        }
    });
    let zero = (lo < 0.0 && hi > 0.0).then(|| {
        let x = format!("{:.3}%", x_of(0.0));
        html! {
            <g class="hist-zero">
                <line x1={x.clone()} x2={x.clone()} y1="18" y2={format!("{}", HIST_TOP + HIST_PLOT + 4.0)} />
                <text x={x.clone()} y="12" text-anchor="end" dx="-4">{"\u{2190} loss"}</text>
                <text x={x} y="12" text-anchor="start" dx="4">{"gain \u{2192}"}</text>
            </g>
        }
    });
    let axis_y = format!("{}", HIST_TOP + HIST_PLOT + 20.0);
    let total = f64::from(mc.trials.max(1));
    html! {
        <figure class="roi-chart">
            <svg class="histogram" role="img" aria-label={aria} width="100%" height="206">
                <line class="roi-axis" x1="0" x2="100%" y1={format!("{}", HIST_TOP + HIST_PLOT)} y2={format!("{}", HIST_TOP + HIST_PLOT)} />
                { for bars }
                { for zero }
                <text class="roi-tick" x="0" y={axis_y.clone()}>{ compact(lo) }</text>
                if lo < 0.0 && hi > 0.0 && x_of(0.0) > 12.0 && x_of(0.0) < 88.0 {
                    <text class="roi-tick" x={format!("{:.3}%", x_of(0.0))} y={axis_y.clone()} text-anchor="middle">{"0"}</text>
                }
                <text class="roi-tick" x="100%" y={axis_y} text-anchor="end">{ compact(hi) }</text>
            </svg>
            <figcaption class="muted">{ format!("NPV ({currency}) on the horizontal axis; the height of a bar is how many of the {} trials fell in its range.", grouped(total)) }</figcaption>
            <details class="chart-table">
                <summary>{"Show the histogram as a table"}</summary>
                <div class="table-scroll" tabindex="0" role="region" aria-label="NPV histogram as a table">
                    <table>
                        <thead><tr><th scope="col">{ format!("NPV from ({currency})") }</th><th scope="col">{"to"}</th><th scope="col">{"Trials"}</th><th scope="col">{"Share"}</th></tr></thead>
                        <tbody>
                            { for bins.iter().map(|b| html! {
                                <tr>
                                    <td class="num">{ grouped(b.from) }</td>
                                    <td class="num">{ grouped(b.to) }</td>
                                    <td class="num">{ grouped(f64::from(b.count)) }</td>
                                    <td class="num">{ share(f64::from(b.count) / total) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}

/// Row height of the tornado: a label line and a bar.
const ROW: f64 = 46.0;
/// The bars take the middle of the width; the values are written on either side.
const LEFT: f64 = 17.0;
const SPAN: f64 = 66.0;
/// Bars drawn; the table lists all.
const SHOWN: usize = 10;
/// Labels longer than this are shortened in the chart (the table has them in full).
const LABEL_CHARS: usize = 44;

fn shorten(s: &str) -> String {
    if s.chars().count() <= LABEL_CHARS {
        s.to_string()
    } else {
        let cut: String = s.chars().take(LABEL_CHARS - 1).collect();
        format!("{}\u{2026}", cut.trim_end())
    }
}

/// An input's value with its unit, as the assumptions list gives it.
fn value_with_unit(v: f64, input: &str, assumptions: &[Assumption], currency: &str) -> String {
    match assumptions.iter().find(|a| a.input == input) {
        Some(a) if a.unit == currency => money(v, currency),
        Some(a) => format!("{} {}", plain(v), a.unit),
        None => plain(v),
    }
}

/// The tornado: how far the NPV moves when each input goes to its P10 and to its P90 value,
/// widest swing first.
pub fn tornado(
    bars: &[TornadoBar],
    base_npv: f64,
    assumptions: &[Assumption],
    currency: &str,
) -> Html {
    if bars.is_empty() {
        return html! { <p class="muted">{"Every input is fixed (low = high), so no input moves the NPV."}</p> };
    }
    let shown = &bars[..bars.len().min(SHOWN)];
    let (mut lo, mut hi) = (base_npv, base_npv);
    for b in shown {
        lo = lo.min(b.low_npv).min(b.high_npv);
        hi = hi.max(b.low_npv).max(b.high_npv);
    }
    let span = (hi - lo).max(f64::MIN_POSITIVE);
    let x_of = |v: f64| LEFT + (v - lo) / span * SPAN;
    let base_x = format!("{:.3}%", x_of(base_npv));
    let top = 30.0;
    let height = top + ROW * shown.len() as f64 + 4.0;
    let aria = {
        let parts: Vec<String> = shown
            .iter()
            .map(|b| {
                format!(
                    "{}: NPV {} at its P10, {} at its P90",
                    b.label,
                    money(b.low_npv, currency),
                    money(b.high_npv, currency)
                )
            })
            .collect();
        format!(
            "Tornado chart of the {} inputs that move the NPV most, from a likely NPV of {}. {}.",
            shown.len(),
            money(base_npv, currency),
            parts.join("; ")
        )
    };
    let rows = shown.iter().enumerate().map(|(i, b)| {
        let y = top + ROW * i as f64;
        let seg = |v: f64, class: &'static str| {
            let (a, z) = (x_of(v.min(base_npv)), x_of(v.max(base_npv)));
            html! {
                <rect class={class} x={format!("{a:.3}%")} width={format!("{:.3}%", (z - a).max(0.15))}
                    y={format!("{:.1}", y + 20.0)} height="16" />
            }
        };
        let (left, right) = (b.low_npv.min(b.high_npv), b.low_npv.max(b.high_npv));
        html! {
            <g>
                <text class="roi-chart-label" x="0" y={format!("{:.1}", y + 13.0)}>
                    <title>{ b.label.clone() }</title>
                    { shorten(&b.label) }
                </text>
                <line class="tornado-base" x1={base_x.clone()} x2={base_x.clone()} y1={format!("{:.1}", y + 17.0)} y2={format!("{:.1}", y + 39.0)} />
                { seg(b.low_npv, "tornado-low") }
                { seg(b.high_npv, "tornado-high") }
                <text class="roi-tick" x={format!("{:.3}%", x_of(left))} dx="-4" y={format!("{:.1}", y + 33.0)} text-anchor="end">{ compact(left) }</text>
                <text class="roi-tick" x={format!("{:.3}%", x_of(right))} dx="4" y={format!("{:.1}", y + 33.0)}>{ compact(right) }</text>
            </g>
        }
    });
    html! {
        <figure class="roi-chart">
            <svg class="tornado" role="img" aria-label={aria} width="100%" height={format!("{height:.0}")}>
                <defs>
                    <pattern id="roi-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect class="tornado-hatch-bg" width="6" height="6" />
                        <rect class="tornado-hatch" width="3" height="6" />
                    </pattern>
                </defs>
                <text class="roi-tick" x={base_x.clone()} y="12" text-anchor="middle">{ format!("likely NPV {}", compact(base_npv)) }</text>
                { for rows }
            </svg>
            <figcaption>
                <span class="chart-legend"><svg width="14" height="14" aria-hidden="true"><rect class="tornado-low" width="14" height="14" /></svg>{" input at its P10"}</span>
                <span class="chart-legend"><svg width="14" height="14" aria-hidden="true"><rect class="tornado-high" width="14" height="14" /></svg>{" input at its P90 (hatched)"}</span>
                <span class="muted tornado-note">{ format!("Each bar moves one input from its 10th to its 90th percentile while all others stay at their likely value; NPV in {currency}.") }</span>
            </figcaption>
            <details class="chart-table">
                <summary>{ format!("Show all {} inputs as a table", bars.len()) }</summary>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Tornado chart as a table">
                    <table>
                        <thead><tr>
                            <th scope="col">{"Input"}</th><th scope="col">{"P10"}</th><th scope="col">{"NPV at P10"}</th>
                            <th scope="col">{"P90"}</th><th scope="col">{"NPV at P90"}</th><th scope="col">{"Swing"}</th>
                        </tr></thead>
                        <tbody>
                            { for bars.iter().map(|b| html! {
                                <tr>
                                    <th scope="row">{ b.label.clone() }</th>
                                    <td class="num">{ value_with_unit(b.low, &b.input, assumptions, currency) }</td>
                                    <td class="num">{ money(b.low_npv, currency) }</td>
                                    <td class="num">{ value_with_unit(b.high, &b.input, assumptions, currency) }</td>
                                    <td class="num">{ money(b.high_npv, currency) }</td>
                                    <td class="num">{ money(b.swing, currency) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}

/// P10 / P50 / P90 of NPV and ROI as a small table.
pub fn percentiles(mc: &MonteCarlo, currency: &str) -> Html {
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Monte Carlo percentiles">
            <table class="roi-percentiles">
                <caption>{ format!("Across {} trials ({currency})", grouped(f64::from(mc.trials))) }</caption>
                <thead><tr><th scope="col"></th><th scope="col">{"P10"}</th><th scope="col">{"P50 (median)"}</th><th scope="col">{"P90"}</th></tr></thead>
                <tbody>
                    <tr><th scope="row">{"NPV"}</th>
                        <td class="num">{ grouped(mc.npv.p10) }</td>
                        <td class="num">{ grouped(mc.npv.p50) }</td>
                        <td class="num">{ grouped(mc.npv.p90) }</td></tr>
                    <tr><th scope="row">{"ROI"}</th>
                        <td class="num">{ percent(mc.roi_percent.p10) }</td>
                        <td class="num">{ percent(mc.roi_percent.p50) }</td>
                        <td class="num">{ percent(mc.roi_percent.p90) }</td></tr>
                </tbody>
            </table>
        </div>
    }
}
