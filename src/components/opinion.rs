//! The parts of the 2025 opinion measured outside the walk (docs/SCORING.md §Opinion): the
//! Output figures per unit (typed with source and year), the public-trust survey per product
//! (tallies towards the target of 30, or a CSV import), and the follow-up register
//! ([`super::register::Register`]). The assumptions of each part are shown with it.

use patuh_core::instrument::{OpinionRules, TrustRules};
use patuh_core::secondary::OutputFigure;
use patuh_core::{trust, Lang, Product, Unit};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::register::Register;
use crate::browser;
use crate::i18n;
use crate::state::{use_app, Action, OpinionEdit, View};

fn input_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// The opinion data screen.
#[component]
pub fn OpinionScreen() -> Html {
    let app = use_app();
    let (Some(doc), Some(ins)) = (app.doc.as_ref(), app.instrument()) else {
        return html! {};
    };
    let Some(o) = ins.opinion.as_ref() else {
        return html! {};
    };
    let lang = app.lang;
    let show = |v: View| {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Show(v)))
    };
    html! {
        <div class="patuh-opinion">
            <super::opinion_nav::OpinionBar />
            <h1 id="patuh-opinion-h" tabindex="-1">{ i18n::t(lang).opinion_title }</h1>
            { super::opinion_nav::jumps(lang) }
            <p class="patuh-callout patuh-callout--assumed" role="note"><strong>{ i18n::t(lang).provisional_short }</strong></p>
            <p class="patuh-muted">{ o.qualifier_rule.get(lang) }</p>
            <section aria-labelledby="patuh-output-h">
                <h2 id="patuh-output-h" tabindex="-1">{ o.output.title.get(lang) }</h2>
                <p class="patuh-muted">{ o.output.note.get(lang) }</p>
                <p class="patuh-callout patuh-callout--assumed"><strong>{ i18n::t(lang).assumed_prefix }</strong>{ o.output.assumed.get(lang) }</p>
                { for doc.units.iter().map(|u| output_unit(&app, o, u, lang)) }
            </section>
            <section aria-labelledby="patuh-trust-h">
                <h2 id="patuh-trust-h" tabindex="-1">{ o.trust.title.get(lang) }</h2>
                <p class="patuh-muted">{ o.trust.note.get(lang) }</p>
                <p class="patuh-callout patuh-callout--assumed"><strong>{ i18n::t(lang).assumed_prefix }</strong>{ o.trust.assumed.get(lang) }</p>
                { for doc.units.iter().flat_map(|u| u.products.iter().map(move |p| (u, p))).map(|(u, p)| html! {
                    <TrustProduct unit={u.id.clone()} unit_name={u.name.clone()} product={p.clone()} />
                }) }
            </section>
            <Register />
            <super::evidence::PrepareList />
            <super::interview::Interviews />
            <div class="patuh-pager">
                <button type="button" class="patuh-btn" onclick={show(View::Walk)}>{ "← " }{ i18n::t(lang).back_to_checklist }</button>
                <button type="button" class="patuh-btn patuh-btn--primary" id="patuh-opinion-result" onclick={show(View::Result)}>{ i18n::t(lang).see_result }{ " →" }</button>
            </div>
        </div>
    }
}

fn output_unit(app: &crate::state::AppContext, o: &OpinionRules, u: &Unit, lang: Lang) -> Html {
    let rows = o.output.figures.iter().map(|d| {
        let f = u.output.get(&d.id).cloned().unwrap_or_default();
        let id = format!("patuh-out-{}-{}", u.id, d.id);
        let edit = |set: fn(&mut OutputFigure, String)| {
            let (app, unit, figure, f) = (app.clone(), u.id.clone(), d.id.clone(), f.clone());
            Callback::from(move |e: Event| {
                let mut value = f.clone();
                set(&mut value, input_value(&e));
                let (unit, figure) = (unit.clone(), figure.clone());
                app.dispatch(Action::Opinion(OpinionEdit::Figure { unit, figure, value }));
            })
        };
        let on_na = {
            let (app, unit, figure, f) = (app.clone(), u.id.clone(), d.id.clone(), f.clone());
            Callback::from(move |e: Event| {
                let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                let value = OutputFigure { not_applicable: on, ..f.clone() };
                let (unit, figure) = (unit.clone(), figure.clone());
                app.dispatch(Action::Opinion(OpinionEdit::Figure { unit, figure, value }));
            })
        };
        let invalid = !f.value.is_empty() && f.value().is_none();
        html! {
            <fieldset class="patuh-figure">
                <legend>{ format!("{} ({})", d.title.get(lang), d.agency) }</legend>
                <p class="patuh-muted">{ d.help.get(lang) }</p>
                <div class="patuh-field">
                    <label for={id.clone()}>{ i18n::t(lang).figure_value }</label>
                    <input id={id.clone()} type="text" inputmode="decimal" value={shown_decimal(&f.value, lang)} onchange={edit(|f, v| f.value = v.trim().replace(',', "."))} disabled={f.not_applicable} aria-invalid={invalid.to_string()} />
                    if invalid { <p class="patuh-error" role="alert">{ i18n::t(lang).figure_invalid }</p> }
                </div>
                <div class="patuh-field">
                    <label for={format!("{id}-src")}>{ i18n::t(lang).figure_source }</label>
                    <input id={format!("{id}-src")} type="text" value={f.source.clone()} onchange={edit(|f, v| f.source = v)} maxlength="300" />
                </div>
                <div class="patuh-field">
                    <label for={format!("{id}-yr")}>{ i18n::t(lang).figure_year }</label>
                    <input id={format!("{id}-yr")} type="text" inputmode="numeric" value={f.year.clone()} onchange={edit(|f, v| f.year = v)} maxlength="9" />
                </div>
                <label class="patuh-check"><input type="checkbox" id={format!("{id}-na")} checked={f.not_applicable} onchange={on_na} />{ " " }{ i18n::t(lang).not_applicable_here }</label>
            </fieldset>
        }
    });
    html! {
        <div class="patuh-card">
            <h3>{ u.name.clone() }</h3>
            { for rows }
        </div>
    }
}

/// A figure as stored (a dot before the decimals, docs/FORMAT.md) as the user writes it: "72,50"
/// in Indonesian.
fn shown_decimal(stored: &str, lang: Lang) -> String {
    match lang {
        Lang::Id => stored.replace('.', ","),
        Lang::En => stored.to_string(),
    }
}

#[derive(Properties, PartialEq)]
struct TrustProps {
    unit: String,
    unit_name: String,
    product: Product,
}

/// One product's trust survey: progress to the target, a tally per question and option, and the
/// CSV import.
#[component]
fn TrustProduct(p: &TrustProps) -> Html {
    let app = use_app();
    let error = use_state(|| None::<String>);
    let Some(rules) = app.instrument().and_then(|i| i.opinion.as_ref()).map(|o| &o.trust) else {
        return html! {};
    };
    let lang = app.lang;
    let t = &p.product.trust;
    let n = trust::respondents(t);
    let key = format!("{}-{}", p.unit, p.product.id);
    let rows = rules.questions.iter().enumerate().map(|(qi, q)| {
        let cells = (0..rules.options.len()).map(|k| {
            let v = t.get(&q.id).and_then(|c| c.get(k)).copied().unwrap_or(0);
            let id = format!("patuh-tr-{key}-{qi}-{k}");
            let onchange = {
                let (app, unit, product, question) = (app.clone(), p.unit.clone(), p.product.id.clone(), q.id.clone());
                let error = error.clone();
                Callback::from(move |e: Event| {
                    // The SKM calculator's rule for a typed tally: a refused entry is never read
                    // as 0; the box shows the tally still in use and the message says why.
                    let count = match patuh_core::skm::parse_count(&input_value(&e)) {
                        Ok(c) => c.min(100_000),
                        Err(why) => {
                            e.target_unchecked_into::<HtmlInputElement>().set_value(&v.to_string());
                            error.set(Some(why.message(lang, v)));
                            return;
                        }
                    };
                    error.set(None);
                    let (unit, product, question) = (unit.clone(), product.clone(), question.clone());
                    app.dispatch(Action::Opinion(OpinionEdit::Trust { unit, product, question, option: k, count }));
                })
            };
            let label = format!("{} — {}", q.text.get(lang), rules.options[k].get(lang));
            html! { <td data-label={rules.options[k].get(lang)}><input {id} class="patuh-count" type="number" min="0" inputmode="numeric" value={v.to_string()} {onchange} aria-label={label} /></td> }
        });
        html! { <tr><th scope="row">{ q.text.get(lang) }</th>{ for cells }</tr> }
    });
    let on_csv =
        csv_import(&app, rules.clone(), p.unit.clone(), p.product.id.clone(), error.clone());
    html! {
        <div class="patuh-card patuh-trust" id={format!("patuh-trust-{key}")}>
            <h3>{ format!("{} · {}", p.unit_name, p.product.name) }</h3>
            <p class="patuh-trust__progress"><strong>{ trust::progress_text(rules, t, lang) }</strong></p>
            <progress max={rules.target.to_string()} value={n.min(rules.target).to_string()} aria-label={trust::progress_text(rules, t, lang)}></progress>
            if let Some(w) = trust::uneven(rules, t, lang) {
                <p class="patuh-callout" role="status" id={format!("patuh-trust-uneven-{key}")}>{ w }</p>
            }
            <div class="patuh-table-wrap" tabindex="0" role="region" aria-label={format!("{} · {}", p.unit_name, p.product.name)}>
                <table class="patuh-table patuh-table--stack patuh-trust__grid">
                    <thead><tr><th scope="col">{ i18n::t(lang).question }</th>{ for rules.options.iter().map(|o| html! { <th scope="col">{ o.get(lang) }</th> }) }</tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            // The styled picker every file input has (no raw "Choose File / No file chosen").
            <div class="patuh-trust__csv">
                <label class="patuh-btn patuh-file" for={format!("patuh-tr-csv-{key}")}>{ i18n::t(lang).trust_csv }
                    <input class="patuh-sr" id={format!("patuh-tr-csv-{key}")} type="file" accept=".csv,text/csv" onchange={on_csv}
                        aria-describedby={format!("patuh-tr-csv-{key}-hint")} />
                </label>
                <p class="patuh-hint" id={format!("patuh-tr-csv-{key}-hint")}>{ i18n::t(lang).trust_csv_hint }</p>
            </div>
            if let Some(e) = &*error { <p class="patuh-error" role="alert">{ e.clone() }</p> }
            <button type="button" class="patuh-btn" id={format!("patuh-tr-print-{key}")} onclick={print_questionnaire(&app, &p.unit, &p.product.id)}>{ i18n::t(lang).trust_questionnaire }</button>
        </div>
    }
}

fn print_questionnaire(
    app: &crate::state::AppContext,
    unit: &str,
    product: &str,
) -> Callback<MouseEvent> {
    let (app, unit, product) = (app.clone(), unit.to_string(), product.to_string());
    Callback::from(move |_| {
        let (Some(doc), Some(ins)) = (&app.doc, app.instrument()) else { return };
        let now = browser::now_iso();
        let place = (unit.as_str(), product.as_str());
        if let Some(bytes) =
            patuh_core::report::pdf::render_questionnaire(ins, doc, place, app.lang, &now)
        {
            let name =
                patuh_core::persist::file_name(&format!("kuesioner {}", doc.opd), &doc.date, "pdf");
            browser::download_bytes(&name, "application/pdf", &bytes);
        }
    })
}

fn csv_import(
    app: &crate::state::AppContext,
    rules: TrustRules,
    unit: String,
    product: String,
    error: UseStateHandle<Option<String>>,
) -> Callback<Event> {
    let app = app.clone();
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let Some(f) = input.files().and_then(|l| l.item(0)) else { return };
        input.set_value("");
        let (app, rules, unit, product, error) =
            (app.clone(), rules.clone(), unit.clone(), product.clone(), error.clone());
        spawn_local(async move {
            let bytes = browser::read_file(&f).await.unwrap_or_default();
            match trust::from_csv(&rules, &String::from_utf8_lossy(&bytes)) {
                Ok(tallies) => {
                    error.set(None);
                    app.dispatch(Action::Opinion(OpinionEdit::ImportTrust {
                        unit,
                        product,
                        tallies,
                    }));
                }
                Err(e) => error.set(Some(e.message(&rules, app.lang))),
            }
        });
    })
}

/// Props of [`OpinionCard`].
#[derive(Properties, PartialEq)]
pub struct OpinionCardProps {
    pub report: std::rc::Rc<patuh_core::report::Report>,
}

/// The opinion on the result screen, from the report model the files render: why "Tanpa
/// Maladministrasi" is or is not there, the certificate rule, the zone only as the pre-2025
/// translation, and the open Ombudsman products with their deadlines (they come first).
#[component]
pub fn OpinionCard(props: &OpinionCardProps) -> Html {
    let app = use_app();
    let Some(o) = &props.report.opinion else {
        return html! {};
    };
    let lang = app.lang;
    let t = patuh_core::report::opinion_texts(lang);
    let edit = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Show(View::Opinion)))
    };
    let open = o.followups.iter().take(o.open).map(|f| {
        html! { <li><strong>{ format!("{} {}", f.kind, f.number) }</strong>{ format!(" — {} · {}: {}", f.status, t.deadline, if f.deadline.is_empty() { "—" } else { &f.deadline }) }<br />{ f.asks.clone() }</li> }
    });
    html! {
        <section class="patuh-card" aria-labelledby="patuh-opinion-card-h" id="patuh-opinion-card">
            <h2 id="patuh-opinion-card-h">{ t.opinion }</h2>
            <p id="patuh-qualifier-note">{ o.qualifier_note.clone() }</p>
            <p>{ format!("{}: {}", t.certificate, o.certificate) }</p>
            if let Some(z) = &o.zone_translation { <p class="patuh-muted">{ z.clone() }</p> }
            if o.open > 0 {
                <h3>{ t.open_first }</h3>
                <ol class="patuh-followups">{ for open }</ol>
            }
            <p class="patuh-muted">{ format!("{}: {}", t.trust, o.trust.iter().map(|v| format!("{} · {}", v.product, v.progress)).collect::<Vec<_>>().join("; ")) }</p>
            <button type="button" class="patuh-btn" id="patuh-edit-opinion" onclick={edit}>{ i18n::t(lang).enter_opinion_data }</button>
        </section>
    }
}
