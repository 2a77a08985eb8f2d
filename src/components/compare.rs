//! Comparison with an earlier assessment of the same OPD: per indicator improved /
//! worsened / unchanged / new, per section and total deltas. The earlier file is only read.

use patuh_core::report::comparison::{self, compare_texts, ComparisonView};
use patuh_core::{compare, Assessment, Instrument, Lang};
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::browser;
use crate::i18n::{self, decode_error};
use crate::state::use_app;

/// The comparison view of `after` against `before`, if their instruments match.
pub fn view_of(
    ins: &Instrument,
    before: &Assessment,
    after: &Assessment,
    lang: Lang,
) -> Option<ComparisonView> {
    compare::compare(ins, before, after).ok().map(|c| comparison::view(&c, ins, lang))
}

/// Props of [`CompareCard`].
#[derive(Properties, PartialEq)]
pub struct CompareCardProps {
    pub ins: &'static Instrument,
    /// The comparison of the report the result screen lays out (`Report::comparison`).
    pub view: Option<ComparisonView>,
    pub lang: Lang,
    pub on_before: Callback<Option<Assessment>>,
}

/// "Bandingkan dengan penilaian sebelumnya": pick the earlier file, see what changed.
#[component]
pub fn CompareCard(props: &CompareCardProps) -> Html {
    let lang = props.lang;
    let error = use_state(|| None::<String>);
    let app = use_app();
    let onchange = {
        let (on_before, error, app) = (props.on_before.clone(), error.clone(), app.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(f) = input.files().and_then(|l| l.item(0)) else { return };
            input.set_value("");
            let (on_before, error, app) = (on_before.clone(), error.clone(), app.clone());
            spawn_local(async move {
                let bytes = browser::read_file(&f).await.unwrap_or_default();
                let Some(now) = app.doc.as_ref() else { return };
                match browser::lazy::open(&f.name(), &bytes).await.map(|o| o.snapshot) {
                    // Another instrument or another OPD's file is refused with the core's words.
                    Ok(s) => match compare::check(&s.assessment, now) {
                        Ok(()) => {
                            error.set(None);
                            on_before.emit(Some(s.assessment));
                        }
                        Err(why) => error.set(Some(why.message(lang))),
                    },
                    Err(e) => error.set(Some(decode_error(lang, &e))),
                }
            });
        })
    };
    let clear = {
        let on_before = props.on_before.clone();
        Callback::from(move |_| on_before.emit(None))
    };
    let t = compare_texts(lang);
    let body = props.view.as_ref().map(|v| {
        let row = |label: &str, c: &patuh_core::report::comparison::ChangeRow| html! {
            <tr>
                <th scope="row">{ label.to_string() }</th>
                <td>{ c.before.as_ref().map(|f| f.text.clone()).unwrap_or_else(|| "–".into()) }</td>
                <td>{ c.after.as_ref().map(|f| f.text.clone()).unwrap_or_else(|| "–".into()) }</td>
                <td>{ c.delta.as_ref().map(|d| format!("{} {} ({})", d.symbol, d.text, d.word)).unwrap_or_else(|| "–".into()) }</td>
            </tr>
        };
        let changed: Vec<Html> = v.changed().take(40).map(|i| html! {
            <li>
                <span aria-hidden="true">{ i.symbol.clone() }{ " " }</span><strong>{ i.status_text.clone() }</strong>{ ": " }{ i.text.clone() }
                <span class="patuh-muted">{ format!(" · {}{} · {} → {}", i.unit, i.product.as_ref().map(|p| format!(" › {p}")).unwrap_or_default(), i.before, i.after) }</span>
            </li>
        }).collect();
        html! {
            <div id="patuh-compare-result">
                if let Some(w) = &v.warning { <p class="patuh-callout" role="note">{ w.clone() }</p> }
                <p id="patuh-compare-counts">{ v.counts_text() }</p>
                <div class="patuh-table-wrap">
                    <table class="patuh-table">
                        <thead><tr><th scope="col">{ t.heading }</th><th scope="col">{ t.before }</th><th scope="col">{ t.after }</th><th scope="col">{ t.change }</th></tr></thead>
                        <tbody>
                            { row(t.total, &v.total) }
                            { for v.sections.iter().map(|s| row(&s.title, &s.change)) }
                        </tbody>
                    </table>
                </div>
                if changed.is_empty() { <p>{ t.none_changed }</p> } else {
                    <h3>{ t.changed }</h3>
                    <ul class="patuh-list">{ for changed }</ul>
                }
                <button type="button" class="patuh-btn patuh-btn--ghost" onclick={clear}>{ i18n::t(lang).compare_remove }</button>
            </div>
        }
    });
    html! {
        <section class="patuh-card" aria-labelledby="patuh-compare-h">
            <h2 id="patuh-compare-h">{ t.heading }</h2>
            <p class="patuh-muted">{ i18n::t(lang).compare_intro }</p>
            <label class="patuh-btn patuh-file" for="patuh-compare-file">{ i18n::t(lang).compare_choose }
                <input class="patuh-sr" id="patuh-compare-file" type="file" accept=".json,.html,.htm,.zip,application/json,text/html" {onchange} />
            </label>
            if let Some(e) = &*error { <p class="patuh-error" role="alert">{ e.clone() }</p> }
            { body.unwrap_or_default() }
        </section>
    }
}
