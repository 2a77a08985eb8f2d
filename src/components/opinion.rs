//! The parts of the 2025 opinion measured outside the walk (docs/SCORING.md §Opinion): the
//! Output figures per unit (typed with source and year), the public-trust survey per product
//! (tallies towards the target of 30, or a CSV import), and the follow-up register
//! ([`super::register::Register`]). The assumptions of each part are shown with it.

use patuh_core::instrument::OpinionRules;
use patuh_core::secondary::OutputFigure;
use patuh_core::{Lang, Unit};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::register::Register;
use crate::i18n;
use crate::state::{use_app, Action, OpinionEdit, View};

mod survey;
use survey::TrustProduct;

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
