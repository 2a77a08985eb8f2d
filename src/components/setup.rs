//! Identity of the assessment (assessor typed by the user, never filled in) and the units and
//! products: add, rename, reorder, remove (with a confirmation that says what is lost).

use patuh_core::{Product, Unit};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser;
use crate::components::home::limit_note;
use crate::i18n::t;
use crate::state::{use_app, Action, AppContext, Meta, Structure, View};

fn value(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// Which removal is being confirmed: (unit, product), `None` for the unit itself.
type Asking = UseStateHandle<Option<(String, Option<String>)>>;

fn op(app: &AppContext, s: Structure) -> Callback<MouseEvent> {
    let app = app.clone();
    Callback::from(move |_| app.dispatch(Action::Structure(s.clone())))
}

/// "+ Tambah …": adds, then puts the focus on the new name field (in the list `list`) with its text
/// selected, so that typing replaces "Produk baru".
fn add(app: &AppContext, s: Structure, list: String) -> Callback<MouseEvent> {
    let app = app.clone();
    Callback::from(move |_| {
        app.dispatch(Action::Structure(s.clone()));
        browser::focus_last_field(&list);
    })
}

/// "Delete … ? n answers are lost" with Delete and Cancel.
fn confirm_box(app: &AppContext, asking: &Asking, question: String, remove: Structure) -> Html {
    let tx = t(app.lang);
    let yes = {
        let (a, c) = (app.clone(), asking.clone());
        Callback::from(move |_| {
            a.dispatch(Action::Structure(remove.clone()));
            c.set(None);
        })
    };
    let no = {
        let c = asking.clone();
        Callback::from(move |_| c.set(None))
    };
    html! {
        <div class="patuh-confirm" role="alert">
            <p>{ question }</p>
            <button type="button" class="patuh-btn patuh-btn--danger" onclick={yes}>{ tx.delete }</button>
            <button type="button" class="patuh-btn patuh-btn--ghost" onclick={no}>{ tx.cancel }</button>
        </div>
    }
}

fn ask(asking: &Asking, unit: &str, product: Option<&str>) -> Callback<MouseEvent> {
    let (c, k) = (asking.clone(), (unit.to_string(), product.map(str::to_string)));
    Callback::from(move |_| c.set(Some(k.clone())))
}

/// One product of a unit: its name, moves, and removal with confirmation.
fn product_item(app: &AppContext, asking: &Asking, u: &Unit, pi: usize, p: &Product) -> Html {
    let tx = t(app.lang);
    let n_products = u.products.len();
    let rename = {
        let (app, unit, product) = (app.clone(), u.id.clone(), p.id.clone());
        Callback::from(move |e: InputEvent| {
            let name = value(&e);
            app.dispatch(Action::Structure(Structure::RenameProduct {
                unit: unit.clone(),
                product: product.clone(),
                name,
            }))
        })
    };
    let input_id = format!("patuh-pn-{}", p.id);
    let open = asking.as_ref() == Some(&(u.id.clone(), Some(p.id.clone())));
    let moved = |delta| {
        op(app, Structure::MoveProduct { unit: u.id.clone(), product: p.id.clone(), delta })
    };
    html! {
        <li key={p.id.clone()} class="patuh-struct__product">
            <label for={input_id.clone()} class="patuh-struct__label">{ format!("{} {}", tx.product, pi + 1) }</label>
            <input id={input_id} type="text" value={p.name.clone()} oninput={rename} maxlength="200" />
            { limit_note(tx, &p.name) }
            <div class="patuh-row">
                // Only the moves there are (none for a single product).
                if pi > 0 {
                    <button type="button" class="patuh-btn patuh-btn--small patuh-btn--ghost"
                        aria-label={format!("{} {}", tx.move_up, p.name)} onclick={moved(-1)}>{ "↑ " }{ tx.move_up }</button>
                }
                if pi + 1 < n_products {
                    <button type="button" class="patuh-btn patuh-btn--small patuh-btn--ghost"
                        aria-label={format!("{} {}", tx.move_down, p.name)} onclick={moved(1)}>{ "↓ " }{ tx.move_down }</button>
                }
                if n_products > 1 {
                    <button type="button" class="patuh-btn patuh-btn--small patuh-btn--ghost" onclick={ask(asking, &u.id, Some(&p.id))}
                        aria-label={format!("{} {}", tx.delete, p.name)}>{ tx.delete }</button>
                }
            </div>
            if open {
                { confirm_box(app, asking, (tx.remove_product_q)(&p.name, p.answers.values().filter(|e| e.answer.is_some()).count()),
                    Structure::RemoveProduct { unit: u.id.clone(), product: p.id.clone() }) }
            }
        </li>
    }
}

/// One unit: its name, moves, removal with confirmation, and its products.
fn unit_item(app: &AppContext, asking: &Asking, ui: usize, u: &Unit, n_units: usize) -> Html {
    let tx = t(app.lang);
    let rename = {
        let (app, unit) = (app.clone(), u.id.clone());
        Callback::from(move |e: InputEvent| {
            app.dispatch(Action::Structure(Structure::RenameUnit {
                unit: unit.clone(),
                name: value(&e),
            }))
        })
    };
    let input_id = format!("patuh-un-{}", u.id);
    let list_id = format!("patuh-pl-{}", u.id);
    let open = asking.as_ref() == Some(&(u.id.clone(), None));
    let products = u.products.iter().enumerate().map(|(pi, p)| product_item(app, asking, u, pi, p));
    html! {
        <li key={u.id.clone()} class="patuh-struct__unit">
            <div class="patuh-field">
                <label for={input_id.clone()}>{ format!("{} {}", tx.unit, ui + 1) }</label>
                <input id={input_id} type="text" value={u.name.clone()} oninput={rename} maxlength="200" />
                { limit_note(tx, &u.name) }
            </div>
            <div class="patuh-row">
                if ui > 0 {
                    <button type="button" class="patuh-btn patuh-btn--small patuh-btn--ghost"
                        aria-label={format!("{} {}", tx.move_up, u.name)} onclick={op(app, Structure::MoveUnit { unit: u.id.clone(), delta: -1 })}>{ "↑ " }{ tx.move_up }</button>
                }
                if ui + 1 < n_units {
                    <button type="button" class="patuh-btn patuh-btn--small patuh-btn--ghost"
                        aria-label={format!("{} {}", tx.move_down, u.name)} onclick={op(app, Structure::MoveUnit { unit: u.id.clone(), delta: 1 })}>{ "↓ " }{ tx.move_down }</button>
                }
                if n_units > 1 {
                    <button type="button" class="patuh-btn patuh-btn--small patuh-btn--ghost" onclick={ask(asking, &u.id, None)}
                        aria-label={format!("{} {}", tx.delete, u.name)}>{ tx.delete }</button>
                }
            </div>
            if open {
                { confirm_box(app, asking, (tx.remove_unit_q)(&u.name, u.products.len()), Structure::RemoveUnit(u.id.clone())) }
            }
            <ul class="patuh-struct__products" id={list_id.clone()} aria-label={format!("{} — {}", tx.product, u.name)}>{ for products }</ul>
            <button type="button" class="patuh-btn patuh-btn--small"
                onclick={add(app, Structure::AddProduct { unit: u.id.clone(), name: tx.new_product_name.into() }, list_id)}>{ "+ " }{ tx.add_product }</button>
        </li>
    }
}

/// Under a date field: the date entered, written out ("Tanggal terisi: 3 Desember 2026"). The
/// browser shows a date field in the order of its own language (mm/dd/yyyy in an English one), which
/// the page cannot change; the words leave no doubt (docs/FORMAT.md §Dates and names for a reader).
/// Nothing while the field is empty.
pub fn date_in_words(lang: patuh_core::Lang, id: &str, value: &str) -> Html {
    let said = patuh_core::dates::format_date(value, lang);
    if value.is_empty() || said == value {
        return html! {};
    }
    html! { <p class="patuh-hint" id={format!("{id}-said")}>{ format!("{}: {said}", t(lang).date_said) }</p> }
}

/// The identity and structure screen.
#[component]
pub fn Setup() -> Html {
    let app = use_app();
    let asking: Asking = use_state(|| None);
    let Some(doc) = app.doc.as_ref() else {
        return html! {};
    };
    let tx = t(app.lang);
    let meta = |field: Meta, id: &'static str, label: &'static str, v: &str, kind: &'static str| {
        let app = app.clone();
        let oninput =
            Callback::from(move |e: InputEvent| app.dispatch(Action::Meta(field, value(&e))));
        html! {
            <div class="patuh-field">
                <label for={id}>{ label }</label>
                <input {id} type={kind} value={v.to_string()} {oninput} maxlength="200" autocomplete="off"
                    aria-describedby={(kind == "date" && !v.is_empty()).then(|| format!("{id}-said"))} />
                if kind == "date" { { date_in_words(tx.lang, id, v) } } else { { limit_note(tx, v) } }
            </div>
        }
    };
    let n_units = doc.units.len();
    let units =
        doc.units.iter().enumerate().map(|(ui, u)| unit_item(&app, &asking, ui, u, n_units));
    let show = |v: View| {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Show(v)))
    };
    let close = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Close))
    };
    html! {
        <div class="patuh-setup">
            <div class="patuh-walk__bar">
                <button type="button" class="patuh-btn" onclick={show(View::Walk)}>{ "← " }{ tx.back_to_walk }</button>
                <button type="button" class="patuh-btn patuh-btn--ghost" onclick={close}>{ tx.close_assessment }</button>
            </div>
            <h1 tabindex="-1">{ tx.structure }</h1>
            <section class="patuh-card" aria-labelledby="patuh-id-h">
                <h2 id="patuh-id-h">{ tx.identity }</h2>
                <div class="patuh-grid2">
                    { meta(Meta::Opd, "patuh-m-opd", tx.opd_name, &doc.opd, "text") }
                    { meta(Meta::Pemda, "patuh-m-pemda", tx.pemda, &doc.pemda, "text") }
                    { meta(Meta::Period, "patuh-m-period", tx.period, &doc.period, "text") }
                    { meta(Meta::Date, "patuh-m-date", tx.date, &doc.date, "date") }
                    { meta(Meta::AssessorName, "patuh-m-name", tx.assessor_name, &doc.assessor_name, "text") }
                    { meta(Meta::AssessorPosition, "patuh-m-pos", tx.assessor_position, &doc.assessor_position, "text") }
                </div>
            </section>
            <section class="patuh-card" aria-labelledby="patuh-struct-h">
                <h2 id="patuh-struct-h">{ tx.units_products }</h2>
                <ol class="patuh-struct" id="patuh-units">{ for units }</ol>
                <button type="button" class="patuh-btn" onclick={add(&app, Structure::AddUnit { name: tx.new_unit_name.into(), product: tx.new_product_name.into() }, "patuh-units".into())}>{ "+ " }{ tx.add_unit }</button>
            </section>
        </div>
    }
}
