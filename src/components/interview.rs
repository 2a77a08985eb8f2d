//! Interview preparation on the opinion screen (docs/SCORING.md §Interview preparation): per unit,
//! the four people the Ombudsman interviews, what each is asked with what a good answer contains,
//! a self-check per person, and the printable practice sheet (a PDF made in the browser).

use patuh_core::interview::{pick, question, role_name, ROLES};
use patuh_core::readiness::{self, PersonRow};
use patuh_core::{persist, report, Lang, Unit};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser;
use crate::i18n::t;
use crate::state::{use_app, Action, AppContext, OpinionEdit};

/// The interview section: one card per unit.
#[component]
pub fn Interviews() -> Html {
    let app = use_app();
    let (Some(doc), Some(ins)) = (app.doc.as_ref(), app.instrument()) else {
        return html! {};
    };
    let lang = app.lang;
    // The counts of the report's readiness section (docs/SCORING.md §Readiness).
    let Some(v) = readiness::view(ins, doc, lang) else {
        return html! {};
    };
    html! {
        <section aria-labelledby="patuh-interview-h">
            <h2 id="patuh-interview-h" tabindex="-1">{ t(lang).interview_title }</h2>
            <p id="patuh-interview-count"><strong>{ v.interview_count.clone() }</strong></p>
            <p class="patuh-muted">{ t(lang).interview_intro }</p>
            { for doc.units.iter().map(|u| unit_card(&app, u, &v.interview, lang)) }
        </section>
    }
}

fn unit_card(app: &AppContext, u: &Unit, people: &[PersonRow], lang: Lang) -> Html {
    let print = {
        let (app, unit) = (app.clone(), u.id.clone());
        Callback::from(move |_| {
            let Some(doc) = &app.doc else { return };
            let now = browser::now_iso();
            if let Some(bytes) = report::pdf::render_interview(doc, &unit, app.lang, &now) {
                let name = persist::file_name(&format!("wawancara {}", doc.opd), &doc.date, "pdf");
                browser::download_bytes(&name, "application/pdf", &bytes);
            }
        })
    };
    let roles = ROLES.iter().map(|r| {
        let count = people
            .iter()
            .find(|p| p.unit_id == u.id && p.role == r.key)
            .map(|p| p.count.clone())
            .unwrap_or_default();
        let ready_for = u.interview.get(r.key);
        let items = r.questions.iter().filter_map(|k| question(k)).map(|q| {
            let id = format!("patuh-iv-{}-{}-{}", u.id, r.key, q.key);
            let on = ready_for.is_some_and(|v| v.iter().any(|x| x == q.key));
            let onchange = {
                let (app, unit, role, qk) = (app.clone(), u.id.clone(), r.key, q.key);
                Callback::from(move |e: Event| {
                    let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                    let edit = OpinionEdit::Interview { unit: unit.clone(), role: role.into(), question: qk.into(), on };
                    app.dispatch(Action::Opinion(edit));
                })
            };
            html! {
                <li>
                    <label class="patuh-check" for={id.clone()}><input type="checkbox" {id} checked={on} {onchange} />{ " " }{ pick(&q.ask, lang) }</label>
                    <details class="patuh-help"><summary>{ t(lang).interview_expected }</summary><p>{ pick(&q.answer, lang) }</p></details>
                </li>
            }
        });
        html! {
            <div class="patuh-interview__role">
                <h4>{ role_name(r, lang) }{ " · " }<span class="patuh-muted">{ count }</span></h4>
                <ul class="patuh-evidence__list">{ for items }</ul>
            </div>
        }
    });
    html! {
        <div class="patuh-card">
            <h3>{ u.name.clone() }</h3>
            { for roles }
            <button type="button" class="patuh-btn" id={format!("patuh-iv-print-{}", u.id)} onclick={print}>{ t(lang).practice_sheet }</button>
        </div>
    }
}
