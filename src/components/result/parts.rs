//! The cards of the result screen, each a layout of one part of the core report model
//! (`patuh_core::report::Report`): completeness, what to fix first, the breakdown, the legend and
//! the provenance of assumed rules. They format nothing themselves: every figure is a `Figure`
//! of the model, written once in the report language.

use patuh_core::assessment::Place;
use patuh_core::report::{ActionItem, Figure, Report};
use yew::prelude::*;

use super::goto;
use crate::components::zone_badge::ZoneBadge;
use crate::i18n::{of, plan_title, t};
use crate::state::use_app;

/// Props of every card: the report it lays out.
#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub report: std::rc::Rc<Report>,
}

fn text(f: &Option<Figure>) -> String {
    Figure::shown(f.as_ref()).to_string()
}

fn pct(f: &Option<Figure>) -> String {
    f.as_ref().map_or_else(|| Figure::shown(None).to_string(), |f| format!("{} %", f.text))
}

/// Unanswered and marked indicators, each a link into the walk.
#[component]
pub fn Completeness(props: &ReportProps) -> Html {
    let app = use_app();
    let (r, tx) = (&props.report, t(props.report.lang));
    let mut missing = Vec::new();
    let mut marked = Vec::new();
    for u in &r.units {
        let first = u.products.first().map(|p| p.id.clone()).unwrap_or_default();
        let unit_rows = u.indicators.iter().map(|i| (first.clone(), None, i));
        let product_rows = u
            .products
            .iter()
            .flat_map(|p| p.indicators.iter().map(move |i| (p.id.clone(), Some(&p.name), i)));
        for (product, product_name, i) in unit_rows.chain(product_rows) {
            let place = Place { unit: u.id.clone(), product };
            let at = match product_name {
                Some(p) => format!(" · {} › {p}", u.name),
                None => format!(" · {} {}", r.texts().whole_unit, u.name),
            };
            let link = html! {
                <li><a href={format!("#patuh-ind-{}", i.id)} onclick={goto(&app, &place, &i.id)}>{ i.text.clone() }</a>
                <span class="patuh-muted">{ at }</span></li>
            };
            if !i.answered {
                missing.push(link.clone());
            }
            if i.review {
                marked.push(link);
            }
        }
    }
    // The opinion parts (Output figures, trust surveys) count as places too (docs/SCORING.md
    // §ori-2025); the words and the count are the score's (`Overall::missing`). Only an opinion
    // instrument has them: the 2022–24 "Dimensi Output" is a dimension of indicators, listed above.
    let parts = r.units.iter().filter(|_| r.opinion.is_some());
    for u in parts {
        for s in u.sections.iter().filter(|s| {
            s.answered < s.total
                && (s.id == patuh_core::scoring::PART_OUTPUT
                    || s.id == patuh_core::scoring::PART_TRUST)
        }) {
            // The survey shows its respondents, what its points are computed from.
            let done = if s.id == patuh_core::scoring::PART_TRUST {
                s.done.clone()
            } else {
                of(r.lang, s.answered, s.total)
            };
            let to_opinion = {
                let app = app.clone();
                Callback::from(move |e: MouseEvent| {
                    e.prevent_default();
                    app.dispatch(crate::state::Action::Show(crate::state::View::Opinion));
                })
            };
            missing.push(html! {
                <li><a href="#patuh-opinion-h" onclick={to_opinion}>{ s.title.clone() }</a>
                <span class="patuh-muted">{ format!(" · {} · {done}", u.name) }</span></li>
            });
        }
    }
    html! {
        <section class="patuh-card" aria-labelledby="patuh-complete-h">
            <h2 id="patuh-complete-h">{ tx.completeness }</h2>
            if missing.is_empty() && marked.is_empty() {
                <p>{ tx.complete }</p>
            }
            if let Some(words) = r.overall.missing.as_ref().filter(|_| !missing.is_empty()) {
                <details open={missing.len() <= 10}>
                    <summary>{ words.clone() }</summary>
                    <ul class="patuh-list">{ for missing }</ul>
                </details>
            }
            if !marked.is_empty() {
                <h3>{ tx.marked }</h3>
                <ul class="patuh-list">{ for marked }</ul>
            }
        </section>
    }
}

fn action_item(app: &UseReducerHandle<crate::state::AppState>, g: &ActionItem) -> Html {
    let at = &g.place_text;
    html! {
        <li>
            <a href={format!("#patuh-ind-{}", g.indicator)} onclick={goto(app, &g.place, &g.indicator)}>{ g.text.clone() }</a>
            <span class="patuh-muted">{ format!(" · {at} · +{} {}", g.gain.text, t(app.lang).gain_points) }</span>
            <br /><span>{ g.action.clone() }</span>
        </li>
    }
}

/// What to fix first: the fewest fixes to the next band, then every unmet indicator.
#[component]
pub fn FixFirst(props: &ReportProps) -> Html {
    let app = use_app();
    let (r, lang) = (&props.report, props.report.lang);
    let tx = t(lang);
    let plans = r.plans.iter().map(|p| {
        // An opinion's plan names the quality label, not a zone (docs/SCORING.md §Opinion).
        let target = match &r.opinion {
            Some(_) => p.target.label.clone(),
            None => format!(
                "{}{}",
                p.target.zone_name,
                p.target.grade.as_ref().map(|g| format!(" ({g})")).unwrap_or_default()
            ),
        };
        html! {
            <div class="patuh-plan">
                <h3>{ plan_title(lang, p.fixes.len(), &target) }</h3>
                <ol>{ for p.fixes.iter().map(|g| action_item(&app, g)) }</ol>
            </div>
        }
    });
    html! {
        <section class="patuh-card" aria-labelledby="patuh-gaps-h">
            <h2 id="patuh-gaps-h">{ tx.gaps_title }</h2>
            { for plans }
            // No plan although there is a score: the model says why, in the files' words.
            if let Some(note) = &r.plans_note {
                <p id="patuh-plans-note">{ note.clone() }</p>
            }
            // Unanswered indicators are not in these lists: say so, and where they are.
            if let Some(words) = &r.overall.missing {
                <p class="patuh-muted">{ format!("{words}: {}", tx.unanswered_not_listed) }</p>
            }
            if r.gaps.is_empty() {
                <p>{ tx.no_gaps }</p>
            } else {
                <details open={r.plans.is_empty()}>
                    <summary>{ format!("{} ({})", tx.all_unmet, r.gaps.len()) }</summary>
                    <ol class="patuh-list">{ for r.gaps.iter().map(|g| action_item(&app, g)) }</ol>
                </details>
            }
        </section>
    }
}

/// The breakdown per section (aggregated by the instrument's rule) and per unit and product.
#[component]
pub fn Breakdown(props: &ReportProps) -> Html {
    let (r, lang) = (&props.report, props.report.lang);
    let tx = t(lang);
    let dims = r.sections.iter().any(|s| s.max_points.is_some());
    let sec_rows = r.sections.iter().map(|s| {
        let v = s.fulfilment.as_ref().map_or(0, |f| f.value.0);
        html! {
            <tr>
                <th scope="row">{ s.title.clone() }</th>
                <td data-label={tx.fulfilment}><meter class="patuh-meter" min="0" max="10000" low="5100" high="8100" optimum="10000" value={v.to_string()} aria-hidden="true"></meter>{ " " }{ pct(&s.fulfilment) }</td>
                if dims {
                    <td data-label={tx.points}>{ text(&s.points) }</td>
                    <td data-label={tx.max_points}>{ text(&s.max_points) }</td>
                }
            </tr>
        }
    });
    html! {
        <section class="patuh-card" aria-labelledby="patuh-breakdown-h">
            <h2 id="patuh-breakdown-h">{ tx.breakdown }</h2>
            <div class="patuh-table-wrap">
                <table class="patuh-table patuh-table--stack" id="patuh-sections">
                    <thead><tr>
                        <th scope="col">{ tx.section }</th><th scope="col">{ tx.fulfilment }</th>
                        if dims { <th scope="col">{ tx.points }</th><th scope="col">{ tx.max_points }</th> }
                    </tr></thead>
                    <tbody>{ for sec_rows }</tbody>
                </table>
            </div>
            if let Some(note) = &r.sections_note {
                <p class="patuh-muted" id="patuh-sum-note">{ note.clone() }</p>
            }
            <Units report={props.report.clone()} />
            <Products report={props.report.clone()} />
        </section>
    }
}

/// The units: score, band (or quality label under an opinion) and completeness, each column one
/// kind of figure, named with the report's words.
#[component]
fn Units(props: &ReportProps) -> Html {
    let (r, lang) = (&props.report, props.report.lang);
    let (tx, rt) = (t(lang), r.texts());
    let band_head = if r.opinion.is_some() { rt.unit_label } else { rt.zone };
    // Each cell names its column (`data-label`): on a phone the rows are stacked (styles/screens.css).
    let rows = r.units.iter().map(|u| html! {
        <tr>
            <th scope="row">{ u.name.clone() }</th>
            <td data-label={rt.unit_score}>{ text(&u.score) }</td>
            <td data-label={band_head}>{ match (&u.pending, &u.label, &u.band) {
                (Some(p), _, _) => html! { { p.clone() } },
                (None, Some(l), _) => html! { <strong>{ l.clone() }</strong> },
                (None, None, b) => b.as_ref().map(|b| html! { <ZoneBadge band={b.clone()} /> }).unwrap_or_default(),
            } }</td>
            <td data-label={tx.completeness}>{ of(lang, u.answered, u.total) }</td>
        </tr>
    });
    html! {
        <>
            <h3>{ rt.per_unit }</h3>
            <div class="patuh-table-wrap">
                <table class="patuh-table patuh-table--stack" id="patuh-units">
                    <thead><tr>
                        <th scope="col">{ rt.unit }</th><th scope="col">{ rt.unit_score }</th>
                        <th scope="col">{ band_head }</th><th scope="col">{ tx.completeness }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </>
    }
}

/// The products: their unit, score (ori-2016 only), fulfilment and completeness.
#[component]
fn Products(props: &ReportProps) -> Html {
    let (r, lang) = (&props.report, props.report.lang);
    let (tx, rt) = (t(lang), r.texts());
    let scored = r.units.iter().flat_map(|u| &u.products).any(|p| p.score.is_some());
    let rows = r.units.iter().flat_map(|u| {
        u.products.iter().map(move |p| {
            html! {
                <tr>
                    <th scope="row">{ p.name.clone() }</th>
                    <td data-label={rt.unit}>{ u.name.clone() }</td>
                    if scored { <td data-label={rt.product_score}>{ text(&p.score) }</td> }
                    <td data-label={tx.fulfilment}>{ p.pending.clone().unwrap_or_else(|| pct(&p.fulfilment)) }</td>
                    <td data-label={tx.completeness}>{ of(lang, p.answered, p.total) }</td>
                </tr>
            }
        })
    });
    html! {
        <>
            <h3>{ rt.per_product }</h3>
            <div class="patuh-table-wrap">
                <table class="patuh-table patuh-table--stack" id="patuh-products">
                    <thead><tr>
                        <th scope="col">{ rt.product }</th><th scope="col">{ rt.unit }</th>
                        if scored { <th scope="col">{ rt.product_score }</th> }
                        <th scope="col">{ tx.fulfilment }</th><th scope="col">{ tx.completeness }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </>
    }
}

/// The score bands of the instrument, highest first.
#[component]
pub fn Legend(props: &ReportProps) -> Html {
    let (r, lang) = (&props.report, props.report.lang);
    let tx = t(lang);
    let head = if r.opinion.is_some() { tx.quality_col } else { tx.zone_col };
    let rows = r.legend.iter().rev().map(|b| {
        html! {
            <tr>
                <td data-label={tx.range}>{ format!("{} – {}", b.min.text, b.max.text) }</td>
                if r.opinion.is_some() {
                    <td data-label={head}>{ b.label.clone() }</td>
                } else {
                    <td data-label={head}><ZoneBadge band={b.clone()} /></td>
                }
            </tr>
        }
    });
    html! {
        <section class="patuh-card" aria-labelledby="patuh-legend-h">
            <h2 id="patuh-legend-h">{ tx.legend }</h2>
            <table class="patuh-table">
                <thead><tr><th scope="col">{ tx.range }</th><th scope="col">{ head }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </section>
    }
}

/// Which weights, scales and rules are assumed, and why; the legal basis and the sources.
#[component]
pub fn Provenance(props: &ReportProps) -> Html {
    let (r, lang) = (&props.report, props.report.lang);
    let tx = t(lang);
    html! {
        <section class="patuh-card" aria-labelledby="patuh-prov-h" id="patuh-provenance">
            <h2 id="patuh-prov-h">{ tx.provenance }</h2>
            <p>{ tx.provenance_intro }</p>
            <dl class="patuh-dl">
                <dt>{ tx.legal_basis }</dt><dd>{ r.instrument.legal_basis.clone() }</dd>
            </dl>
            <ul class="patuh-list">
                { for r.assumptions.iter().map(|a| html! { <li><strong>{ a.subject.clone() }</strong>{ ": " }{ a.reason.clone() }</li> }) }
            </ul>
            <details>
                <summary>{ tx.sources }</summary>
                <p class="patuh-muted" id="patuh-edition">{ r.instrument.edition.clone() }</p>
                <ul class="patuh-list">
                    { for r.instrument.sources.iter().map(|s| html! { <li>{ s.title.clone() }{ s.url.as_ref().map(|u| format!(" — {u}")).unwrap_or_default() }</li> }) }
                </ul>
            </details>
        </section>
    }
}
