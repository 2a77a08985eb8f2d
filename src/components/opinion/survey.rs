//! One product's public-trust survey on the Data Opini screen (docs/SCORING.md §Public trust):
//! progress to the target, a tally per question and option kept on every keystroke (a refused
//! entry keeps what was typed, with the core's message, and is never read as 0), the CSV import
//! with a message saying what it added or why the file was refused, and a question before the
//! same answers are added twice (docs/SKM.md §Import). Rules and words are the core's.

use std::collections::BTreeMap;
use std::rc::Rc;

use patuh_core::instrument::TrustRules;
use patuh_core::skm::parse_count;
use patuh_core::trust::{self, Tallies};
use patuh_core::{Lang, Product};
use wasm_bindgen_futures::spawn_local;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser;
use crate::i18n;
use crate::state::{use_app, Action, AppContext, OpinionEdit};

#[derive(Properties, PartialEq)]
pub(super) struct TrustProps {
    pub unit: String,
    pub unit_name: String,
    pub product: Product,
}

/// What was typed into a box and refused, by (question, option): shown in the box with its
/// message while the tally in use stays the previous one. A reducer, so quick keystrokes in
/// several boxes never overwrite each other.
#[derive(Clone, PartialEq, Default)]
struct Refused(BTreeMap<(usize, usize), String>);

impl Reducible for Refused {
    type Action = ((usize, usize), Option<String>);
    fn reduce(self: Rc<Self>, (at, typed): Self::Action) -> Rc<Self> {
        let mut r = (*self).clone();
        match typed {
            Some(t) => r.0.insert(at, t),
            None => r.0.remove(&at),
        };
        Rc::new(r)
    }
}

/// The import line: nothing yet, a question before the same answers are added again, or the
/// message of the last import (refused or done).
#[derive(Clone, PartialEq, Default)]
struct Import {
    /// The answers added last (to notice the same file picked again right after).
    last: Option<Tallies>,
    /// A file holding exactly those answers again, waiting for the official's choice.
    again: Option<(String, Tallies)>,
    /// The message of the last import, and whether it is a refusal.
    said: Option<(String, bool)>,
}

/// One product's trust survey: progress to the target, a tally per question and option, and the
/// CSV import.
#[component]
pub(super) fn TrustProduct(p: &TrustProps) -> Html {
    let app = use_app();
    let refused = use_reducer(Refused::default);
    let import = use_state(Import::default);
    // The question takes the focus when it appears (its safe answer, "Batal", first).
    let focus = use_node_ref();
    {
        let focus = focus.clone();
        use_effect_with(import.again.is_some(), move |asked| {
            if let (true, Some(b)) = (*asked, focus.cast::<web_sys::HtmlElement>()) {
                browser::focus(&b);
            }
        });
    }
    let Some(rules) = app.instrument().and_then(|i| i.opinion.as_ref()).map(|o| &o.trust) else {
        return html! {};
    };
    let lang = app.lang;
    let t = &p.product.trust;
    let n = trust::respondents(t);
    let key = format!("{}-{}", p.unit, p.product.id);
    let rows = rules.questions.iter().enumerate().map(|(qi, q)| {
        let cells = (0..rules.options.len())
            .map(|k| {
                let typed = refused.0.get(&(qi, k)).cloned();
                count_cell(&app, p, rules, (qi, &q.id, q.text.get(lang)), k, typed, &refused)
            });
        let messages: Vec<Html> = (0..rules.options.len())
            .filter_map(|k| {
                let typed = refused.0.get(&(qi, k))?;
                let kept = t.get(&q.id).and_then(|c| c.get(k)).copied().unwrap_or(0);
                let why = parse_count(typed).err()?.message(lang, kept);
                let text = format!("{}: {why}", rules.options[k].get(lang));
                Some(html! { <p class="patuh-error" id={format!("patuh-tr-{key}-{qi}-{k}-error")}>{ text }</p> })
            })
            .collect();
        let span = (rules.options.len() + 1).to_string();
        html! {
            <>
            <tr><th scope="row">{ q.text.get(lang) }</th>{ for cells }</tr>
            if !messages.is_empty() { <tr class="patuh-skm__refused"><td colspan={span}>{ for messages }</td></tr> }
            </>
        }
    });
    let on_csv = csv_import(&app, rules.clone(), p, t.clone(), import.clone());
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
            { import_line(&app, p, rules, t, (&import, &focus), &key) }
            <button type="button" class="patuh-btn" id={format!("patuh-tr-print-{key}")} onclick={print_questionnaire(&app, &p.unit, &p.product.id)}>{ i18n::t(lang).trust_questionnaire }</button>
        </div>
    }
}

/// The box of question `qi`, option `k`: the tally in use, or the refused text `typed` while it is
/// refused; each keystroke is kept at once (docs/SKM.md §Input).
fn count_cell(
    app: &AppContext,
    p: &TrustProps,
    rules: &TrustRules,
    (qi, question, q_text): (usize, &str, &str),
    k: usize,
    typed: Option<String>,
    refused: &UseReducerHandle<Refused>,
) -> Html {
    let lang = app.lang;
    let key = format!("{}-{}", p.unit, p.product.id);
    let t = &p.product.trust;
    let v = t.get(question).and_then(|c| c.get(k)).copied().unwrap_or(0);
    let id = format!("patuh-tr-{key}-{qi}-{k}");
    let oninput = {
        let (app, unit, product, question) =
            (app.clone(), p.unit.clone(), p.product.id.clone(), question.to_string());
        let refused = refused.dispatcher();
        Callback::from(move |e: InputEvent| {
            // The SKM calculator's rule for a typed tally (docs/SKM.md §Input): a refused
            // entry is never read as 0; the tally in use stays, the message says why.
            let raw = e.target_unchecked_into::<HtmlInputElement>().value();
            match parse_count(&raw) {
                Ok(c) => {
                    refused.dispatch(((qi, k), None));
                    let (unit, product, question) =
                        (unit.clone(), product.clone(), question.clone());
                    let count = c.min(100_000);
                    app.dispatch(Action::Opinion(OpinionEdit::Trust {
                        unit,
                        product,
                        question,
                        option: k,
                        count,
                    }));
                }
                Err(_) => refused.dispatch(((qi, k), Some(raw))),
            }
        })
    };
    let label = format!("{} — {}", q_text, rules.options[k].get(lang));
    let error = format!("{id}-error");
    let invalid = typed.is_some();
    let value = typed.unwrap_or_else(|| v.to_string());
    let option = rules.options[k].get(lang).to_string();
    html! { <td data-label={option}><input {id} class="patuh-count" type="text" inputmode="numeric" autocomplete="off" {value} {oninput} aria-label={label}
    aria-invalid={invalid.then_some("true")} aria-describedby={invalid.then_some(error)} /></td> }
}

/// Adds `tallies` read from `file` to the product and says so.
fn add_now(
    app: &AppContext,
    p: (&str, &str),
    rules: &TrustRules,
    before: &Tallies,
    file: &str,
    tallies: Tallies,
) -> Import {
    let said = trust::import_message(rules, file, before, &tallies, app.lang);
    app.dispatch(Action::Opinion(OpinionEdit::ImportTrust {
        unit: p.0.to_string(),
        product: p.1.to_string(),
        tallies: tallies.clone(),
    }));
    Import { last: Some(tallies), again: None, said: Some((said, false)) }
}

/// The question before the same answers are added again (add again / cancel, the first focused),
/// or the message of the last import.
fn import_line(
    app: &AppContext,
    p: &TrustProps,
    rules: &TrustRules,
    t: &Tallies,
    (import, focus): (&UseStateHandle<Import>, &NodeRef),
    key: &str,
) -> Html {
    let lang = app.lang;
    if let Some((file, tallies)) = &import.again {
        let yes = {
            let (app, rules, before, file, tallies, import) = (
                app.clone(),
                rules.clone(),
                t.clone(),
                file.clone(),
                tallies.clone(),
                import.clone(),
            );
            let (unit, product) = (p.unit.clone(), p.product.id.clone());
            Callback::from(move |_| {
                import.set(add_now(
                    &app,
                    (&unit, &product),
                    &rules,
                    &before,
                    &file,
                    tallies.clone(),
                ))
            })
        };
        let no = {
            let (import, file) = (import.clone(), file.clone());
            Callback::from(move |_| {
                let said = patuh_core::skm::cancelled_message(&file, lang);
                import.set(Import { said: Some((said, false)), again: None, ..(*import).clone() })
            })
        };
        let q = trust::repeat_question(file, tallies, lang);
        let qid = format!("patuh-tr-again-{key}");
        return html! {
            <div class="patuh-notice" role="group" aria-labelledby={qid.clone()}>
                <p id={qid}><strong>{ q }</strong></p>
                <div class="patuh-row">
                    <button type="button" class="patuh-btn" id={format!("patuh-tr-again-add-{key}")} onclick={yes}>{ trust::add_again_label(lang) }</button>
                    <button type="button" class="patuh-btn patuh-btn--primary" id={format!("patuh-tr-again-cancel-{key}")} ref={focus.clone()} onclick={no}>{ i18n::t(lang).cancel }</button>
                </div>
            </div>
        };
    }
    match &import.said {
        Some((m, true)) => {
            html! { <p class="patuh-error" role="alert" id={format!("patuh-tr-msg-{key}")}>{ m.clone() }</p> }
        }
        Some((m, false)) => {
            html! { <p class="patuh-callout" role="status" id={format!("patuh-tr-msg-{key}")}>{ m.clone() }</p> }
        }
        None => html! {},
    }
}

fn print_questionnaire(app: &AppContext, unit: &str, product: &str) -> Callback<MouseEvent> {
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

/// Reads the picked file: refused with the reason, or asked about when it holds exactly the
/// answers added last, or added with a message.
fn csv_import(
    app: &AppContext,
    rules: TrustRules,
    p: &TrustProps,
    before: Tallies,
    import: UseStateHandle<Import>,
) -> Callback<Event> {
    let (app, unit, product) = (app.clone(), p.unit.clone(), p.product.id.clone());
    Callback::from(move |e: Event| {
        let input: HtmlInputElement = e.target_unchecked_into();
        let Some(f) = input.files().and_then(|l| l.item(0)) else { return };
        input.set_value("");
        let (app, rules, unit, product, before, import) = (
            app.clone(),
            rules.clone(),
            unit.clone(),
            product.clone(),
            before.clone(),
            import.clone(),
        );
        spawn_local(async move {
            let bytes = browser::read_file(&f).await.unwrap_or_default();
            let file = f.name();
            let lang: Lang = app.lang;
            let next = match trust::from_csv(&rules, &String::from_utf8_lossy(&bytes)) {
                Err(e) => {
                    let said = trust::refused_message(&rules, &file, &e, lang);
                    Import { said: Some((said, true)), again: None, ..(*import).clone() }
                }
                Ok(tallies) if trust::is_repeat(import.last.as_ref(), &tallies) => {
                    Import { again: Some((file, tallies)), said: None, ..(*import).clone() }
                }
                Ok(tallies) => add_now(&app, (&unit, &product), &rules, &before, &file, tallies),
            };
            import.set(next);
        });
    })
}
