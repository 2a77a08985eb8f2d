//! The follow-up register (tindak lanjut produk Ombudsman; docs/SCORING.md §Opinion): every
//! Ombudsman product addressed to the body with its kind, number, date, what it asks, status,
//! evidence and deadline. It decides "Tanpa Maladministrasi" and never changes the score.

use patuh_core::followup::{self, FollowUp, Kind, Status};
use patuh_core::Lang;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::i18n::t;
use crate::state::{use_app, Action, AppContext, OpinionEdit};

/// The register section of the opinion screen.
#[component]
pub fn Register() -> Html {
    let app = use_app();
    let (Some(doc), Some(o)) =
        (app.doc.as_ref(), app.instrument().and_then(|i| i.opinion.as_ref()))
    else {
        return html! {};
    };
    let lang = app.lang;
    let q = followup::qualifier(&doc.followups, doc.no_followups);
    let add = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Opinion(OpinionEdit::AddFollowUp)))
    };
    let on_none = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            app.dispatch(Action::Opinion(OpinionEdit::NoFollowups(on)))
        })
    };
    html! {
        <section aria-labelledby="patuh-register-h">
            <h2 id="patuh-register-h" tabindex="-1">{ t(lang).followup_title }</h2>
            <p class="patuh-muted">{ t(lang).followup_intro }</p>
            <p id="patuh-qualifier" role="status"><strong>{ followup::qualifier_text(q, &o.qualifier, lang) }</strong></p>
            { for doc.followups.iter().enumerate().map(|(n, f)| item(&app, n, f, lang)) }
            if doc.followups.is_empty() {
                <label class="patuh-check"><input type="checkbox" id="patuh-no-followups" checked={doc.no_followups} onchange={on_none} />{ " " }{ t(lang).no_followups }</label>
                <p class="patuh-callout patuh-callout--assumed"><strong>{ t(lang).assumed_prefix }</strong>{ o.qualifier_none_assumed.get(lang) }</p>
            }
            <button type="button" class="patuh-btn" id="patuh-add-followup" onclick={add}>{ "+ " }{ t(lang).add_followup }</button>
        </section>
    }
}

fn set(app: &AppContext, f: &FollowUp, change: fn(&mut FollowUp, String)) -> Callback<Event> {
    let (app, f) = (app.clone(), f.clone());
    Callback::from(move |e: Event| {
        let target = e.target();
        let v = target
            .as_ref()
            .and_then(|t| wasm_bindgen::JsCast::dyn_ref::<HtmlInputElement>(t).map(|i| i.value()))
            .or_else(|| {
                target.as_ref().and_then(|t| {
                    wasm_bindgen::JsCast::dyn_ref::<HtmlTextAreaElement>(t).map(|i| i.value())
                })
            })
            .or_else(|| {
                target.as_ref().and_then(|t| {
                    wasm_bindgen::JsCast::dyn_ref::<HtmlSelectElement>(t).map(|i| i.value())
                })
            })
            .unwrap_or_default();
        let mut next = f.clone();
        change(&mut next, v);
        app.dispatch(Action::Opinion(OpinionEdit::SetFollowUp(next)));
    })
}

fn item(app: &AppContext, n: usize, f: &FollowUp, lang: Lang) -> Html {
    let id = |k: &str| format!("patuh-fu-{}-{k}", f.id);
    let remove = {
        let (app, fid) = (app.clone(), f.id.clone());
        Callback::from(move |_| {
            app.dispatch(Action::Opinion(OpinionEdit::RemoveFollowUp(fid.clone())))
        })
    };
    let kinds = Kind::ALL.iter().enumerate().map(|(k, kind)| {
        html! { <option value={k.to_string()} selected={*kind == f.kind}>{ kind.name(lang) }</option> }
    });
    let statuses = Status::ALL.iter().enumerate().map(|(k, s)| {
        html! { <option value={k.to_string()} selected={*s == f.status}>{ s.name(lang) }</option> }
    });
    let text = |k: &str, label: &'static str, v: &str, kind: &'static str, cb: Callback<Event>| {
        html! {
            <div class="patuh-field">
                <label for={id(k)}>{ label }</label>
                <input id={id(k)} type={kind} value={v.to_string()} onchange={cb} maxlength="300" autocomplete="off"
                    aria-describedby={(kind == "date" && !v.is_empty()).then(|| format!("{}-said", id(k)))} />
                if kind == "date" { { crate::components::setup::date_in_words(lang, &id(k), v) } }
            </div>
        }
    };
    html! {
        <fieldset class="patuh-card patuh-followup" id={format!("patuh-fu-{}", f.id)}>
            <legend>{ format!("{} {}", t(lang).ombudsman_product, n + 1) }</legend>
            <div class="patuh-field">
                <label for={id("kind")}>{ t(lang).followup_kind }</label>
                <select id={id("kind")} onchange={set(app, f, |f, v| f.kind = v.parse::<usize>().ok().and_then(|k| Kind::ALL.get(k).copied()).unwrap_or_default())}>{ for kinds }</select>
            </div>
            { text("no", t(lang).followup_number, &f.number, "text", set(app, f, |f, v| f.number = v)) }
            { text("date", t(lang).followup_date, &f.date, "date", set(app, f, |f, v| f.date = v)) }
            <div class="patuh-field">
                <label for={id("asks")}>{ t(lang).followup_asks }</label>
                <textarea id={id("asks")} rows="2" maxlength="2000" value={f.asks.clone()} onchange={set(app, f, |f, v| f.asks = v)} />
            </div>
            <div class="patuh-field">
                <label for={id("status")}>{ t(lang).followup_status }</label>
                <select id={id("status")} onchange={set(app, f, |f, v| f.status = v.parse::<usize>().ok().and_then(|k| Status::ALL.get(k).copied()).unwrap_or_default())}>{ for statuses }</select>
            </div>
            { text("evidence", t(lang).followup_evidence, &f.evidence, "text", set(app, f, |f, v| f.evidence = v)) }
            { text("deadline", t(lang).followup_deadline, &f.deadline, "date", set(app, f, |f, v| f.deadline = v)) }
            <button type="button" class="patuh-btn patuh-btn--ghost" onclick={remove}>{ t(lang).remove_followup }</button>
        </fieldset>
    }
}
