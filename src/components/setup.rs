//! Identity of the assessment (assessor typed by the user, never filled in) and the units and
//! products: add, rename, reorder, remove (with a confirmation that says what is lost).

use patuh_core::Unit;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::t;
use crate::state::{use_app, Action, Meta, Structure, View};

fn value(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// The identity and structure screen.
#[component]
pub fn Setup() -> Html {
    let app = use_app();
    let confirm = use_state(|| None::<(String, Option<String>)>);
    let Some(doc) = app.doc.as_ref() else {
        return html! {};
    };
    let lang = app.lang;
    let tx = t(lang);
    let meta = |field: Meta, id: &'static str, label: &'static str, v: &str, kind: &'static str| {
        let app = app.clone();
        let oninput =
            Callback::from(move |e: InputEvent| app.dispatch(Action::Meta(field, value(&e))));
        html! {
            <div class="patuh-field">
                <label for={id}>{ label }</label>
                <input {id} type={kind} value={v.to_string()} {oninput} maxlength="200" autocomplete="off" />
            </div>
        }
    };
    let op = |s: Structure| {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Structure(s.clone())))
    };
    let n_units = doc.units.len();
    let units = doc.units.iter().enumerate().map(|(ui, u): (usize, &Unit)| {
        let rename_u = {
            let app = app.clone();
            let unit = u.id.clone();
            Callback::from(move |e: InputEvent| app.dispatch(Action::Structure(Structure::RenameUnit { unit: unit.clone(), name: value(&e) })))
        };
        let n_products = u.products.len();
        let products = u.products.iter().enumerate().map(|(pi, p)| {
            let rename_p = {
                let app = app.clone();
                let (unit, product) = (u.id.clone(), p.id.clone());
                Callback::from(move |e: InputEvent| {
                    app.dispatch(Action::Structure(Structure::RenameProduct { unit: unit.clone(), product: product.clone(), name: value(&e) }))
                })
            };
            let input_id = format!("patuh-pn-{}", p.id);
            let ask = { let c = confirm.clone(); let k = (u.id.clone(), Some(p.id.clone())); Callback::from(move |_| c.set(Some(k.clone()))) };
            let asking = confirm.as_ref() == Some(&(u.id.clone(), Some(p.id.clone())));
            let answers = p.answers.values().filter(|e| e.answer.is_some()).count();
            html! {
                <li key={p.id.clone()} class="patuh-struct__product">
                    <label for={input_id.clone()} class="patuh-sr">{ tx.product }</label>
                    <input id={input_id} type="text" value={p.name.clone()} oninput={rename_p} maxlength="200" />
                    <div class="patuh-row">
                        <button type="button" class="patuh-btn patuh-btn--small patuh-btn--ghost" disabled={pi == 0}
                            aria-label={format!("{} {}", tx.move_up, p.name)}
                            onclick={op(Structure::MoveProduct { unit: u.id.clone(), product: p.id.clone(), delta: -1 })}>{ "↑" }</button>
                        <button type="button" class="patuh-btn patuh-btn--small patuh-btn--ghost" disabled={pi + 1 == n_products}
                            aria-label={format!("{} {}", tx.move_down, p.name)}
                            onclick={op(Structure::MoveProduct { unit: u.id.clone(), product: p.id.clone(), delta: 1 })}>{ "↓" }</button>
                        if n_products > 1 {
                            <button type="button" class="patuh-btn patuh-btn--small patuh-btn--ghost" onclick={ask}
                                aria-label={format!("{} {}", tx.delete, p.name)}>{ tx.delete }</button>
                        }
                    </div>
                    if asking {
                        <div class="patuh-confirm" role="alert">
                            <p>{ (tx.remove_product_q)(&p.name, answers) }</p>
                            <button type="button" class="patuh-btn patuh-btn--danger"
                                onclick={{ let c = confirm.clone(); let a = app.clone(); let s = Structure::RemoveProduct { unit: u.id.clone(), product: p.id.clone() };
                                    Callback::from(move |_| { a.dispatch(Action::Structure(s.clone())); c.set(None); }) }}>{ tx.delete }</button>
                            <button type="button" class="patuh-btn patuh-btn--ghost" onclick={{ let c = confirm.clone(); Callback::from(move |_| c.set(None)) }}>{ tx.cancel }</button>
                        </div>
                    }
                </li>
            }
        });
        let input_id = format!("patuh-un-{}", u.id);
        let asking = confirm.as_ref() == Some(&(u.id.clone(), None));
        let ask = { let c = confirm.clone(); let k = (u.id.clone(), None); Callback::from(move |_| c.set(Some(k.clone()))) };
        html! {
            <li key={u.id.clone()} class="patuh-struct__unit">
                <div class="patuh-field">
                    <label for={input_id.clone()}>{ format!("{} {}", tx.unit, ui + 1) }</label>
                    <input id={input_id} type="text" value={u.name.clone()} oninput={rename_u} maxlength="200" />
                </div>
                <div class="patuh-row">
                    <button type="button" class="patuh-btn patuh-btn--small patuh-btn--ghost" disabled={ui == 0}
                        aria-label={format!("{} {}", tx.move_up, u.name)} onclick={op(Structure::MoveUnit { unit: u.id.clone(), delta: -1 })}>{ "↑" }</button>
                    <button type="button" class="patuh-btn patuh-btn--small patuh-btn--ghost" disabled={ui + 1 == n_units}
                        aria-label={format!("{} {}", tx.move_down, u.name)} onclick={op(Structure::MoveUnit { unit: u.id.clone(), delta: 1 })}>{ "↓" }</button>
                    if n_units > 1 {
                        <button type="button" class="patuh-btn patuh-btn--small patuh-btn--ghost" onclick={ask}
                            aria-label={format!("{} {}", tx.delete, u.name)}>{ tx.delete }</button>
                    }
                </div>
                if asking {
                    <div class="patuh-confirm" role="alert">
                        <p>{ (tx.remove_unit_q)(&u.name, u.products.len()) }</p>
                        <button type="button" class="patuh-btn patuh-btn--danger"
                            onclick={{ let c = confirm.clone(); let a = app.clone(); let s = Structure::RemoveUnit(u.id.clone());
                                Callback::from(move |_| { a.dispatch(Action::Structure(s.clone())); c.set(None); }) }}>{ tx.delete }</button>
                        <button type="button" class="patuh-btn patuh-btn--ghost" onclick={{ let c = confirm.clone(); Callback::from(move |_| c.set(None)) }}>{ tx.cancel }</button>
                    </div>
                }
                <ul class="patuh-struct__products" aria-label={format!("{} — {}", tx.product, u.name)}>{ for products }</ul>
                <button type="button" class="patuh-btn patuh-btn--small"
                    onclick={op(Structure::AddProduct { unit: u.id.clone(), name: tx.new_product_name.into() })}>{ "+ " }{ tx.add_product }</button>
            </li>
        }
    });
    let back = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Show(View::Walk)))
    };
    let close = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Close))
    };
    html! {
        <div class="patuh-setup">
            <div class="patuh-walk__bar">
                <button type="button" class="patuh-btn" onclick={back}>{ "← " }{ tx.back_to_walk }</button>
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
                <ol class="patuh-struct">{ for units }</ol>
                <button type="button" class="patuh-btn" onclick={op(Structure::AddUnit { name: tx.new_unit_name.into(), product: tx.new_product_name.into() })}>{ "+ " }{ tx.add_unit }</button>
            </section>
        </div>
    }
}
