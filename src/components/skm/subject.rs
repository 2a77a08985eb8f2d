//! Whose SKM result it is: the unit layanan, OPD and survey period, typed or prefilled from the
//! open assessment, kept with the figures and carried by the downloads' header and name
//! (docs/SKM.md §Whose result). The labels and the prefill rule are the core's.

use patuh_core::skm::{subject_labels, subject_legend, Subject};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::state::{use_app, Action};

/// The three fields; on first showing inside an assessment, each empty one takes the OPD and the
/// unit being walked.
#[component]
pub(super) fn SubjectFields() -> Html {
    let app = use_app();
    let lang = app.lang;
    {
        let app = app.clone();
        use_effect_with((), move |_| {
            let Some(doc) = app.doc.as_ref() else { return };
            let unit = app
                .current_place()
                .and_then(|p| doc.units.iter().find(|u| u.id == p.unit))
                .map(|u| u.name.clone())
                .unwrap_or_default();
            let filled = app.skm_subject.prefilled(&doc.opd, &unit);
            if filled != app.skm_subject {
                app.dispatch(Action::SkmSubject(filled));
            }
        });
    }
    let s = &app.skm_subject;
    let [unit, opd, period] = subject_labels(lang);
    let field = |id: &str,
                 label: &str,
                 value: &str,
                 hint: Option<&str>,
                 set: fn(&mut Subject, &str)| {
        let app = app.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut next = app.skm_subject.clone();
            set(&mut next, &typed);
            app.dispatch(Action::SkmSubject(next));
        });
        let hint_id = format!("{id}-hint");
        html! {
            <div class="patuh-field">
                <label for={id.to_string()}>{ label }</label>
                <input id={id.to_string()} type="text" autocomplete="off" maxlength="300" value={value.to_string()} {oninput}
                    aria-describedby={hint.map(|_| hint_id.clone())} />
                if let Some(h) = hint { <p class="patuh-hint" id={hint_id}>{ h }</p> }
            </div>
        }
    };
    let (legend, period_hint) = subject_legend(lang);
    html! {
        <fieldset class="patuh-skm__subject">
            <legend>{ legend }</legend>
            { field("patuh-skm-unit", unit, &s.unit, None, |s, v| s.unit = Subject::unit(v).unit) }
            { field("patuh-skm-opd", opd, &s.opd, None, |s, v| s.opd = Subject::unit(v).unit) }
            { field("patuh-skm-period", period, &s.period, Some(period_hint), |s, v| s.period = Subject::unit(v).unit) }
        </fieldset>
    }
}
