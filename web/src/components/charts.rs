//! Charts drawn by us as inline SVG: a horizontal bar chart and a timeline (Gantt-like).
//!
//! Every chart is an `<svg role="img">` whose `aria-label` reads out all of its values, followed
//! by the same data as a `<table>` inside a "Show as table" disclosure. Text is laid out in
//! pixels and bars in percentages of the width, so labels stay legible at 360 px and in print
//! while the bars stretch to the space there is. Labels sit on their own line above each bar,
//! so long titles never collide with the values.

use yew::prelude::*;

/// Height of one row: a label line and a bar.
const ROW: u32 = 44;
/// Share of the width the bars may take; the value is written in the rest.
const BAR_SPAN: f64 = 82.0;

/// A percentage as people write it (`45.3%`, `100%`): the engine's one rule.
pub use aims_engine::format::percent;

/// One bar: a value from 0 to 100, or none.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    /// 0-100; `None` draws an empty track and writes `missing` instead.
    pub value: Option<f64>,
    /// What an absent value means, e.g. "not assessed".
    pub missing: &'static str,
    /// A further column of the table, e.g. "5 of 7 answered".
    pub note: String,
}

/// A horizontal bar chart of values from 0 to 100.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    /// Names the chart for screen readers and captions its table.
    pub title: String,
    /// Table column headers: the label, the value and the note.
    pub headers: [&'static str; 3],
    pub bars: Vec<Bar>,
}

/// The bar chart and its table alternative.
pub fn bar_chart(chart: &BarChart) -> Html {
    let value_text = |b: &Bar| b.value.map_or_else(|| b.missing.to_string(), percent);
    let summary: Vec<String> = chart
        .bars
        .iter()
        .map(|b| format!("{} {}", b.label, value_text(b)))
        .collect();
    let aria = format!("{}: {}.", chart.title, summary.join("; "));
    let height = ROW * chart.bars.len() as u32 + 4;
    let rows = chart.bars.iter().enumerate().map(|(i, b)| {
        let top = ROW * i as u32;
        let width = b.value.map_or(0.0, |v| v.clamp(0.0, 100.0) * BAR_SPAN / 100.0);
        let fill = (width > 0.0).then(|| {
            html! {
                <rect class="chart-fill" x="0" y={(top + 22).to_string()} height="14" rx="3"
                    width={format!("{width:.2}%")} />
            }
        });
        html! {
            <g>
                <text class="chart-label" x="0" y={(top + 15).to_string()}>{ b.label.clone() }</text>
                <rect class="chart-track" x="0" y={(top + 22).to_string()} height="14" rx="3"
                    width={format!("{BAR_SPAN}%")} />
                { for fill }
                if b.value.is_some() {
                    <text class="chart-value" x="100%" y={(top + 34).to_string()} text-anchor="end">{ value_text(b) }</text>
                } else {
                    <text class="chart-missing" x="6" y={(top + 33).to_string()}>{ b.missing }</text>
                }
            </g>
        }
    });
    let [h_label, h_value, h_note] = chart.headers;
    html! {
        <figure class="chart">
            <svg class="chart-svg" role="img" aria-label={aria} width="100%" height={height.to_string()}>
                { for rows }
            </svg>
            <details class="chart-table no-print">
                <summary>{"Show as table"}</summary>
                <div class="table-scroll" tabindex="0" role="region" aria-label={format!("{} (table)", chart.title)}>
                    <table>
                        <caption>{ chart.title.clone() }</caption>
                        <thead><tr>
                            <th scope="col">{ h_label }</th>
                            <th scope="col">{ h_value }</th>
                            <th scope="col">{ h_note }</th>
                        </tr></thead>
                        <tbody>
                            { for chart.bars.iter().map(|b| html! {
                                <tr>
                                    <th scope="row">{ b.label.clone() }</th>
                                    <td>{ value_text(b) }</td>
                                    <td>{ b.note.clone() }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}

/// One span of a timeline, in whole months (1-based, inclusive).
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub label: String,
    pub start: u32,
    pub end: u32,
    /// Drawn in the milestone colour (its label says what it is).
    pub milestone: bool,
}

/// "month 4" or "months 3-14".
pub fn months(start: u32, end: u32) -> String {
    if start == end {
        format!("month {start}")
    } else {
        format!("months {start}-{end}")
    }
}

impl Span {
    pub fn when(&self) -> String {
        months(self.start, self.end)
    }
}

/// A timeline of spans over months 1..=N, N the last month of any span.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    pub title: String,
    pub spans: Vec<Span>,
}

/// The timeline as a Gantt-like chart with a month axis, and its table alternative.
pub fn timeline(t: &Timeline) -> Html {
    let last = t.spans.iter().map(|s| s.end).max().unwrap_or(1).max(1);
    let at = |month: f64| month / f64::from(last) * 100.0;
    let summary: Vec<String> = t
        .spans
        .iter()
        .map(|s| format!("{} {}", s.label, s.when()))
        .collect();
    let aria = format!("{}: {}.", t.title, summary.join("; "));
    let rows_height = ROW * t.spans.len() as u32;
    let height = rows_height + 26;
    let step = match last {
        0..=12 => 1,
        13..=24 => 3,
        _ => 6,
    };
    // Ticks at the start of months 1, 1+step, ...; a grid line and a month number each.
    let ticks = (0..last).step_by(step as usize).map(|m| {
        let x = format!("{:.2}%", at(f64::from(m)));
        let anchor = if m == 0 { "start" } else { "middle" };
        html! {
            <g>
                <line class="chart-grid" x1={x.clone()} x2={x.clone()} y1="0" y2={(rows_height + 6).to_string()} />
                <text class="chart-axis" x={x} y={(rows_height + 20).to_string()} text-anchor={anchor}>{ format!("M{}", m + 1) }</text>
            </g>
        }
    });
    let rows = t.spans.iter().enumerate().map(|(i, s)| {
        let top = ROW * i as u32;
        let start = s.start.max(1);
        let x = at(f64::from(start - 1));
        let width = at(f64::from(s.end.max(start) - start + 1)).max(0.8);
        html! {
            <g>
                <text class="chart-label" x="0" y={(top + 15).to_string()}>
                    { format!("{} \u{b7} {}", s.label, s.when()) }
                </text>
                <rect class={if s.milestone { "chart-fill chart-milestone" } else { "chart-fill" }} x={format!("{x:.2}%")} y={(top + 22).to_string()} height="14" rx="3"
                    width={format!("{width:.2}%")} />
            </g>
        }
    });
    html! {
        <figure class="chart">
            <svg class="chart-svg" role="img" aria-label={aria} width="100%" height={height.to_string()}>
                { for ticks }
                { for rows }
            </svg>
            <details class="chart-table no-print">
                <summary>{"Show as table"}</summary>
                <div class="table-scroll" tabindex="0" role="region" aria-label={format!("{} (table)", t.title)}>
                    <table>
                        <caption>{ t.title.clone() }</caption>
                        <thead><tr>
                            <th scope="col">{"Phase"}</th>
                            <th scope="col">{"Start month"}</th>
                            <th scope="col">{"End month"}</th>
                            <th scope="col">{"Months"}</th>
                        </tr></thead>
                        <tbody>
                            { for t.spans.iter().map(|s| html! {
                                <tr>
                                    <th scope="row">{ s.label.clone() }</th>
                                    <td>{ s.start }</td>
                                    <td>{ s.end }</td>
                                    <td>{ s.end.saturating_sub(s.start) + 1 }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_says_when_it_happens() {
        let s = |start, end| Span {
            label: String::new(),
            start,
            end,
            milestone: false,
        };
        assert_eq!(s(4, 4).when(), "month 4");
        assert_eq!(s(3, 14).when(), "months 3-14");
    }
}
