//! The result: badge and legend, breakdown (bars and table), what to fix first with the plan to the
//! next band, provenance of assumed rules, and the completeness check.

use patuh_core::gaps::{gaps, next_plans, Gap};
use patuh_core::instrument::Method;
use patuh_core::scoring::assess;
use patuh_core::{Assessment, Instrument, Lang, Ratio};
use yew::prelude::*;

use patuh_core::exports::{Format, Request};
use patuh_core::{persist, report};
use yew::platform::spawn_local;

use crate::browser;
use crate::components::app::{download_json, offer, offer_file};
use crate::components::compare::CompareCard;
use crate::components::zone_badge::{ScoreSummary, ZoneBadge};
use crate::i18n::{confidence, num, of, plan_title, t, zone};
use crate::state::{use_app, Action, View};

fn pct(lang: Lang, f: Option<Ratio>) -> String {
    f.map(|f| format!("{} %", num(lang, (f * Ratio::int(100)).round2())))
        .unwrap_or_else(|| "–".into())
}

fn place_name(doc: &Assessment, unit: &str, product: &str) -> String {
    let u = doc.unit(unit);
    let p = u.and_then(|u| u.products.iter().find(|p| p.id == product));
    format!(
        "{} › {}",
        u.map(|u| u.name.as_str()).unwrap_or_default(),
        p.map(|p| p.name.as_str()).unwrap_or_default()
    )
}

fn meter(f: Option<Ratio>) -> Html {
    let v = f.map(|f| (f * Ratio::int(100)).round2().0).unwrap_or(0);
    html! { <meter class="patuh-meter" min="0" max="10000" low="5100" high="8100" optimum="10000" value={v.to_string()} aria-hidden="true"></meter> }
}

/// A report request for the tools module: the open assessment and, when one was opened, the earlier
/// one to compare with.
fn report_request(
    format: Format,
    doc: &Assessment,
    prev: &Option<Assessment>,
    lang: Lang,
    delimiter: u8,
) -> Request {
    let now = browser::now_iso();
    Request::Report {
        format,
        doc: persist::encode(doc, &now),
        before: prev.as_ref().map(|b| persist::encode(b, &now)),
        lang,
        now,
        delimiter,
    }
}

/// The result screen.
#[component]
pub fn ResultView() -> Html {
    let app = use_app();
    let csv_delim = use_state(|| report::csv::SEMICOLON);
    let before = use_state(|| None::<patuh_core::Assessment>);
    let (Some(doc), Some(ins)) = (app.doc.as_ref(), app.instrument()) else {
        return html! {};
    };
    let lang = app.lang;
    let tx = t(lang);
    let r = assess(ins, doc);
    let dims = ins.scoring.method == Method::DimensionPoints;
    let places = doc.places();
    let goto_ind = |unit: &str, product: &str, ind: &str| {
        let pi = places.iter().position(|p| p.unit == unit && p.product == product).unwrap_or(0);
        let si =
            ins.sections.iter().position(|s| s.indicators.iter().any(|i| i.id == ind)).unwrap_or(0);
        let app = app.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            app.dispatch(Action::Goto { place: pi, step: si });
        })
    };

    let legend = ins.bands.iter().enumerate().rev().map(|(i, b)| {
        let hi = ins
            .bands
            .get(i + 1)
            .map(|n| num(lang, patuh_core::Hundredths(n.min - 1)))
            .unwrap_or_else(|| num(lang, patuh_core::Hundredths(10000)));
        html! {
            <tr>
                <td>{ format!("{} – {hi}", num(lang, patuh_core::Hundredths(b.min))) }</td>
                <td><ZoneBadge band={b.clone()} {lang} /></td>
            </tr>
        }
    });

    // Breakdown per section over the whole OPD: tallies summed over units.
    let sec_rows = ins.sections.iter().enumerate().map(|(s, sec)| {
        let fr = Ratio::mean(&r.units.iter().filter_map(|u| u.sections[s].fraction).collect::<Vec<_>>());
        let pts = dims.then(|| Ratio::mean(&r.units.iter().filter_map(|u| u.sections[s].points).collect::<Vec<_>>())).flatten();
        html! {
            <tr>
                <th scope="row">{ sec.title.get(lang) }{ if sec.projection { format!(" ({})", tx.projection) } else { String::new() } }</th>
                <td>{ meter(fr) }{ " " }{ pct(lang, fr) }</td>
                if dims {
                    <td>{ pts.map(|p| num(lang, p.round2())).unwrap_or_else(|| "–".into()) }</td>
                    <td>{ sec.max_points.map(|m| num(lang, patuh_core::Hundredths(m))).unwrap_or_default() }</td>
                }
            </tr>
        }
    });

    let unit_rows = r.units.iter().flat_map(|u| {
        let name = doc.unit(&u.unit).map(|x| x.name.clone()).unwrap_or_default();
        let unit_row = html! {
            <tr class="patuh-row--unit">
                <th scope="row">{ name }</th>
                <td>{ u.exact.map(|e| num(lang, e.round2())).unwrap_or_else(|| "–".into()) }</td>
                <td>{ u.exact.map(|e| { let b = ins.band(e.round2()); format!("{}{}", zone(lang, b.zone), b.grade.as_ref().map(|g| format!(" ({g})")).unwrap_or_default()) }).unwrap_or_default() }</td>
                <td>{ of(lang, u.tally.answered, u.tally.total) }</td>
            </tr>
        };
        let prods = u.products.iter().map(move |p| {
            let pn = doc.unit(&u.unit).and_then(|x| x.products.iter().find(|q| q.id == p.product)).map(|q| q.name.clone()).unwrap_or_default();
            html! {
                <tr>
                    <th scope="row" class="patuh-indent">{ pn }</th>
                    <td>{ if dims { pct(lang, p.tally.fraction()) } else { p.exact.map(|e| num(lang, e.round2())).unwrap_or_else(|| "–".into()) } }</td>
                    <td></td>
                    <td>{ of(lang, p.tally.answered, p.tally.total) }</td>
                </tr>
            }
        }).collect::<Vec<_>>();
        std::iter::once(unit_row).chain(prods)
    });

    let gap_item = |g: &Gap| {
        let ind = ins.indicator(&g.indicator);
        let text = ind.map(|i| i.text.get(lang).to_string()).unwrap_or_default();
        let action = ind.map(|i| i.action.get(lang).to_string()).unwrap_or_default();
        html! {
            <li>
                <a href={format!("#patuh-ind-{}", g.indicator)} onclick={goto_ind(&g.place.unit, &g.place.product, &g.indicator)}>{ text }</a>
                <span class="patuh-muted">{ format!(" · {} · +{}", place_name(doc, &g.place.unit, &g.place.product), num(lang, g.gain.round2())) }</span>
                <br /><span>{ action }</span>
            </li>
        }
    };
    let all_gaps = gaps(ins, doc);
    let plans = next_plans(ins, doc);
    let plan_html = plans.iter().map(|p| {
        let target = format!(
            "{}{}",
            zone(lang, p.target.zone),
            p.target.grade.as_ref().map(|g| format!(" ({g})")).unwrap_or_default()
        );
        html! {
            <div class="patuh-plan">
                <h3>{ plan_title(lang, p.fixes.len(), &target) }</h3>
                <ol>{ for p.fixes.iter().map(gap_item) }</ol>
            </div>
        }
    });

    // Completeness: unanswered and marked entries, each a link into the walk.
    let mut missing = Vec::new();
    let mut marked = Vec::new();
    for u in &doc.units {
        for (pi, p) in u.products.iter().enumerate() {
            let place = patuh_core::assessment::Place { unit: u.id.clone(), product: p.id.clone() };
            for (_, i) in ins.indicators() {
                if i.scope == patuh_core::instrument::Scope::Unit && pi > 0 {
                    continue;
                }
                let e = doc.entry(ins, &place, &i.id);
                let link = html! {
                    <li><a href={format!("#patuh-ind-{}", i.id)} onclick={goto_ind(&u.id, &p.id, &i.id)}>{ i.text.get(lang) }</a>
                    <span class="patuh-muted">{ format!(" · {}", place_name(doc, &u.id, &p.id)) }</span></li>
                };
                if e.and_then(|e| e.answer.as_ref()).is_none() {
                    missing.push(link.clone());
                }
                if e.is_some_and(|e| e.review) {
                    marked.push(link);
                }
            }
        }
    }
    let back = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Show(View::Walk)))
    };
    let dl = {
        let doc = doc.clone();
        Callback::from(move |_| download_json(&doc))
    };
    let export = |format: Format| {
        let (doc, prev, delim) = (doc.clone(), (*before).clone(), *csv_delim);
        let d = app.dispatcher();
        Callback::from(move |_| {
            let req = report_request(format, &doc, &prev, lang, delim);
            offer(d.clone(), lang, req, &doc.opd, &doc.date, format);
        })
    };
    let dl_html = export(Format::Html);
    let dl_csv = export(Format::Csv);
    let dl_pdf = export(Format::Pdf);
    let dl_zip = {
        let (doc, prev) = (doc.clone(), (*before).clone());
        let d = app.dispatcher();
        Callback::from(move |_| {
            let (doc, prev, d) = (doc.clone(), prev.clone(), d.clone());
            spawn_local(async move {
                let ids = doc.units.iter().flat_map(|u| {
                    u.answers
                        .values()
                        .chain(u.products.iter().flat_map(|p| p.answers.values()))
                        .flat_map(|e| e.photos.iter().cloned())
                });
                let mut photos = Vec::new();
                for id in ids.collect::<Vec<_>>() {
                    if let Some(b) = browser::photos::bytes(&id).await {
                        photos.push((id, b));
                    }
                }
                let now = browser::now_iso();
                let req = Request::Bundle {
                    doc: persist::encode(&doc, &now),
                    before: prev.as_ref().map(|b| persist::encode(b, &now)),
                    lang,
                    now,
                };
                let name = persist::file_name(&doc.opd, &doc.date, "zip");
                offer_file(d, lang, req, photos, name, "application/zip").await;
            });
        })
    };
    let on_delim = {
        let csv_delim = csv_delim.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            csv_delim.set(if v == "," { report::csv::COMMA } else { report::csv::SEMICOLON });
        })
    };

    html! {
        <div class="patuh-result">
            <div class="patuh-walk__bar">
                <button type="button" class="patuh-btn" onclick={back}>{ "← " }{ tx.back_to_walk }</button>
                <button type="button" class="patuh-btn patuh-btn--ghost" id="patuh-download-json" onclick={dl.clone()}>{ tx.download_json }</button>
            </div>
            <h1 tabindex="-1">{ tx.result_title }{ ": " }{ doc.opd.clone() }</h1>
            <section class="patuh-card"><ScoreSummary /></section>
            <section class="patuh-card" aria-labelledby="patuh-complete-h">
                <h2 id="patuh-complete-h">{ tx.completeness }</h2>
                if missing.is_empty() && marked.is_empty() {
                    <p>{ tx.complete }</p>
                }
                if !missing.is_empty() {
                    <details open={missing.len() <= 10}>
                        <summary>{ format!("{} {}", missing.len(), tx.unanswered) }</summary>
                        <ul class="patuh-list">{ for missing }</ul>
                    </details>
                }
                if !marked.is_empty() {
                    <h3>{ tx.marked }</h3>
                    <ul class="patuh-list">{ for marked }</ul>
                }
            </section>
            <section class="patuh-card" aria-labelledby="patuh-gaps-h">
                <h2 id="patuh-gaps-h">{ tx.gaps_title }</h2>
                { for plan_html }
                if all_gaps.is_empty() {
                    <p>{ tx.no_gaps }</p>
                } else {
                    <details open={plans.is_empty()}>
                        <summary>{ format!("{} ({})", tx.gaps_title, all_gaps.len()) }</summary>
                        <ol class="patuh-list">{ for all_gaps.iter().map(gap_item) }</ol>
                    </details>
                }
            </section>
            <section class="patuh-card" aria-labelledby="patuh-breakdown-h">
                <h2 id="patuh-breakdown-h">{ tx.breakdown }</h2>
                <div class="patuh-table-wrap">
                    <table class="patuh-table">
                        <thead><tr>
                            <th scope="col">{ tx.section }</th><th scope="col">{ tx.fulfilment }</th>
                            if dims { <th scope="col">{ tx.points }</th><th scope="col">{ tx.max_points }</th> }
                        </tr></thead>
                        <tbody>{ for sec_rows }</tbody>
                    </table>
                </div>
                <h3>{ tx.per_unit }</h3>
                <div class="patuh-table-wrap">
                    <table class="patuh-table">
                        <thead><tr>
                            <th scope="col">{ tx.unit }{ " / " }{ tx.product }</th><th scope="col">{ if dims { tx.score.to_string() + " / " + tx.fulfilment } else { tx.score.to_string() } }</th>
                            <th scope="col">{ crate::i18n::tr(lang, "Zona", "Zone") }</th><th scope="col">{ tx.completeness }</th>
                        </tr></thead>
                        <tbody>{ for unit_rows }</tbody>
                    </table>
                </div>
            </section>
            <section class="patuh-card" aria-labelledby="patuh-legend-h">
                <h2 id="patuh-legend-h">{ tx.legend }</h2>
                <table class="patuh-table">
                    <thead><tr><th scope="col">{ tx.range }</th><th scope="col">{ crate::i18n::tr(lang, "Zona", "Zone") }</th></tr></thead>
                    <tbody>{ for legend }</tbody>
                </table>
            </section>
            <section class="patuh-card" aria-labelledby="patuh-dl-h" id="patuh-downloads">
                <h2 id="patuh-dl-h">{ tx.downloads }</h2>
                <p class="patuh-muted">{ tx.downloads_intro }</p>
                <div class="patuh-row">
                    <button type="button" class="patuh-btn patuh-btn--primary" id="patuh-dl-html" onclick={dl_html}>{ tx.download_html }</button>
                    <button type="button" class="patuh-btn" id="patuh-dl-pdf" onclick={dl_pdf}>{ crate::i18n::tr(lang, "Unduh laporan (PDF)", "Download report (PDF)") }</button>
                    <button type="button" class="patuh-btn" id="patuh-dl-json" onclick={dl.clone()}>{ tx.download_json }</button>
                    <button type="button" class="patuh-btn" id="patuh-dl-zip" onclick={dl_zip}>{ crate::i18n::tr(lang, "Unduh bundel bukti (ZIP, dengan foto)", "Download evidence bundle (ZIP, with photos)") }</button>
                </div>
                <div class="patuh-row patuh-dl-csv">
                    <label for="patuh-csv-delim">{ tx.csv_separator }</label>
                    <select id="patuh-csv-delim" onchange={on_delim}>
                        <option value=";" selected={*csv_delim == report::csv::SEMICOLON}>{ tx.csv_semicolon }</option>
                        <option value="," selected={*csv_delim == report::csv::COMMA}>{ tx.csv_comma }</option>
                    </select>
                    <button type="button" class="patuh-btn" id="patuh-dl-csv" onclick={dl_csv}>{ tx.download_csv }</button>
                </div>
            </section>
            <CompareCard ins={ins} doc={doc.clone()} before={(*before).clone()} {lang}
                on_before={{ let b = before.clone(); Callback::from(move |a| b.set(a)) }} />
            <Provenance ins={ins} {lang} />
        </div>
    }
}

/// Props of [`Provenance`].
#[derive(Properties, PartialEq)]
pub struct ProvenanceProps {
    pub ins: &'static Instrument,
    pub lang: Lang,
}

/// Which weights, scales and rules are assumed, and why.
#[component]
pub fn Provenance(props: &ProvenanceProps) -> Html {
    let (ins, lang) = (props.ins, props.lang);
    let tx = t(lang);
    let assumed_inds =
        ins.indicators().filter_map(|(_, i)| i.assumed.as_ref().map(|a| (i, a))).map(|(i, a)| {
            html! { <li><strong>{ i.text.get(lang) }</strong>{ ": " }{ a.get(lang) }</li> }
        });
    let assumed_secs =
        ins.sections.iter().filter_map(|s| s.assumed.as_ref().map(|a| (s, a))).map(|(s, a)| {
            html! { <li><strong>{ s.title.get(lang) }</strong>{ ": " }{ a.get(lang) }</li> }
        });
    html! {
        <section class="patuh-card" aria-labelledby="patuh-prov-h" id="patuh-provenance">
            <h2 id="patuh-prov-h">{ tx.provenance }</h2>
            <p>{ tx.provenance_intro }</p>
            <dl class="patuh-dl">
                <dt>{ tx.legal_basis }</dt><dd>{ ins.legal_basis.get(lang) }</dd>
                if let Some(w) = &ins.scoring.weights_assumed { <dt>{ tx.weights }{ " — " }{ tx.assumed }</dt><dd>{ w.get(lang) }</dd> }
                if let Some(s) = &ins.scale.assumed { <dt>{ tx.scale_levels }{ " — " }{ tx.assumed }</dt><dd>{ s.get(lang) }</dd> }
                <dt>{ tx.aggregation }{ " — " }{ confidence(lang, ins.scoring.aggregation_confidence) }</dt>
                <dd>{ ins.scoring.aggregation.get(lang) }</dd>
            </dl>
            <ul class="patuh-list">{ for assumed_secs }{ for assumed_inds }</ul>
            <details>
                <summary>{ crate::i18n::tr(lang, "Sumber", "Sources") }</summary>
                <ul class="patuh-list">
                    { for ins.sources.iter().map(|s| html! { <li>{ s.title.clone() }{ s.url.as_ref().map(|u| format!(" — {u}")).unwrap_or_default() }</li> }) }
                </ul>
            </details>
        </section>
    }
}
