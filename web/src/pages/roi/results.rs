//! The ROI results: the likely case and the Monte Carlo summary beside the inputs, then the
//! charts, the yearly table and the assumptions. Every figure is labelled as an estimate.

use super::charts;
use super::fields::plain_unit;
use super::figures::{grouped, money, percent, share};
use super::Computed;
use aims_engine::roi::{RoiReport, ESTIMATE_LABEL};
use yew::prelude::*;

/// The likely case and the Monte Carlo summary (beside the inputs on wide screens).
pub(super) fn summary(c: Option<&Computed>, invalid: bool, pending: bool) -> Html {
    let Some(c) = c else {
        return html! {
            <section class="roi-summary" aria-labelledby="roi-results-h" aria-busy="true">
                <h2 id="roi-results-h">{"Results"}</h2>
                <p class="muted">{ if invalid { "Fix the inputs marked \u{26a0} to see results." } else { "Computing\u{2026}" } }</p>
            </section>
        };
    };
    let r = &c.report;
    let cur = r.currency.as_str();
    let payback = match r.payback_months {
        Some(m) => format!("month {m}"),
        None => "not within the horizon".to_string(),
    };
    let stale = invalid || pending;
    let kpi = |label: &str, value: String, tone: Option<bool>, id: &str| {
        let (class, mark) = match tone {
            Some(true) => ("kpi kpi-gain", "\u{25b2} "),
            Some(false) => ("kpi kpi-loss", "\u{25bc} "),
            None => ("kpi", ""),
        };
        html! {
            <div class={class}>
                <dt>{ label.to_string() }</dt>
                <dd id={id.to_string()}><span aria-hidden="true">{ mark }</span>{ value }</dd>
            </div>
        }
    };
    let mc = &r.monte_carlo;
    html! {
        <section class={classes!("roi-summary", stale.then_some("stale"))} aria-labelledby="roi-results-h"
            data-seq={c.seq.to_string()} data-ms={format!("{:.2}", c.ms)}>
            <h2 id="roi-results-h">{"Results"}</h2>
            <p class="roi-label">{ ESTIMATE_LABEL }{"."}</p>
            <div role="status" class="roi-stale-slot">
                if invalid {
                    <p class="roi-stale"><span aria-hidden="true">{"\u{26a0} "}</span><strong>{"Out of date: "}</strong>{"these results are from the last valid inputs. Fix the inputs marked \u{26a0} to update them."}</p>
                } else if pending {
                    <p class="roi-stale roi-updating">{"Updating\u{2026}"}</p>
                }
            </div>
            <h3>{ format!("Likely case over {} months", r.horizon_months) }</h3>
            <dl class="roi-kpis">
                { kpi("Net present value", money(r.npv, cur), Some(r.npv >= 0.0), "roi-npv") }
                { kpi("ROI", percent(r.roi_percent), Some(r.roi_percent >= 0.0), "roi-roi") }
                { kpi("Payback", payback, None, "roi-payback") }
                { kpi("Total cost", money(r.total_cost, cur), None, "roi-total-cost") }
                { kpi("Total benefit", money(r.total_benefit, cur), None, "roi-total-benefit") }
                { kpi("Net (undiscounted)", money(r.net, cur), Some(r.net >= 0.0), "roi-net") }
            </dl>
            <p class="muted roi-when">{ match r.certification_month {
                Some(m) => format!("Implementation {} months; certification audit in month {m}; benefits from month {}.", r.implementation_months, m + 1),
                None => format!("Implementation {} months; the certification audit falls after the horizon, so no benefit is counted.", r.implementation_months),
            } }</p>
            <h3>{"Range of outcomes"}</h3>
            <p class="roi-probability"><strong id="roi-probability">{ share(mc.probability_positive) }</strong>{" of the simulated outcomes have a positive ROI."}</p>
            { charts::percentiles(mc, cur) }
            <p class="muted roi-run">{
                if c.preview {
                    format!("Preview from {} of {} trials (seed {}); the full run follows when you pause.", grouped(f64::from(mc.trials)), grouped(f64::from(c.inputs.monte_carlo.trials)), mc.seed)
                } else {
                    format!("{} trials from seed {}; computed in {} ms.", grouped(f64::from(mc.trials)), mc.seed, aims_engine::format::whole(c.ms.max(1.0)))
                }
            }</p>
        </section>
    }
}

/// The charts, the yearly table and the assumptions, below the inputs.
pub(super) fn details(r: &RoiReport) -> Html {
    let cur = r.currency.as_str();
    let years = r.cost_per_year.len().max(r.benefit_per_year.len());
    html! {
        <>
            <section class="roi-section" aria-labelledby="roi-spread-h">
                <h2 id="roi-spread-h">{"Spread and sensitivity"}</h2>
                <p class="roi-label">{ ESTIMATE_LABEL }{"."}</p>
                <div class="roi-charts">
                    <div class="roi-card">
                        <h3>{"Net present value across the trials"}</h3>
                        { charts::histogram(&r.monte_carlo, cur) }
                    </div>
                    <div class="roi-card">
                        <h3>{"What moves the NPV most"}</h3>
                        { charts::tornado(&r.tornado, r.npv, &r.assumptions, cur) }
                    </div>
                </div>
            </section>
            <section class="roi-section" aria-labelledby="roi-years-h">
                <h2 id="roi-years-h">{"Cost and benefit by year (likely case)"}</h2>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Cost and benefit by year">
                    <table class="roi-table">
                        <thead><tr><th scope="col">{"Year"}</th><th scope="col">{"Cost"}</th><th scope="col">{"Benefit"}</th><th scope="col">{"Net"}</th></tr></thead>
                        <tbody>
                            { for (0..years).map(|y| {
                                let c = r.cost_per_year.get(y).copied().unwrap_or(0.0);
                                let b = r.benefit_per_year.get(y).copied().unwrap_or(0.0);
                                html! { <tr><th scope="row">{ format!("Year {}", y + 1) }</th>
                                    <td class="num">{ money(c, cur) }</td><td class="num">{ money(b, cur) }</td><td class="num">{ money(b - c, cur) }</td></tr> }
                            }) }
                        </tbody>
                    </table>
                </div>
                <details class="chart-table">
                    <summary>{"Cost and benefit lines"}</summary>
                    <div class="table-scroll" tabindex="0" role="region" aria-label="Cost and benefit lines">
                        <table class="roi-table">
                            <thead><tr><th scope="col">{"Line"}</th><th scope="col">{"Kind"}</th><th scope="col">{ format!("Total over {} months", r.horizon_months) }</th></tr></thead>
                            <tbody>
                                { for r.line_items.iter().map(|l| html! {
                                    <tr><th scope="row">{ l.item.clone() }</th><td>{ l.kind }</td><td class="num">{ money(l.total, cur) }</td></tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                </details>
            </section>
            <section class="roi-section" aria-labelledby="roi-assumptions-h">
                <h2 id="roi-assumptions-h">{"Assumptions"}</h2>
                <p>{ format!("{}. The figures above follow from these assumptions and the inputs listed below.", ESTIMATE_LABEL) }</p>
                <ul class="roi-notes">{ for r.notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
                <details class="chart-table">
                    <summary>{ format!("All {} inputs with their sources", r.assumptions.len()) }</summary>
                    <div class="table-scroll" tabindex="0" role="region" aria-label="Inputs with their sources">
                        <table class="roi-table">
                            <thead><tr><th scope="col">{"Input"}</th><th scope="col">{"Low"}</th><th scope="col">{"Likely"}</th><th scope="col">{"High"}</th><th scope="col">{"Unit"}</th><th scope="col">{"Source"}</th></tr></thead>
                            <tbody>
                                { for r.assumptions.iter().map(|a| html! {
                                    <tr><th scope="row">{ a.label.clone() }</th>
                                        <td class="num">{ plain_unit(a.low, &a.unit) }</td><td class="num">{ plain_unit(a.likely, &a.unit) }</td><td class="num">{ plain_unit(a.high, &a.unit) }</td>
                                        <td>{ a.unit.clone() }</td><td class="roi-source">{ a.source.clone() }</td></tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                </details>
            </section>
        </>
    }
}
