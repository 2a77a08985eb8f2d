//! What an office prepares under the 2025 instrument (docs/SCORING.md §Evidence checklist,
//! §Interview preparation): the evidence checklist counted per indicator, the printable interview
//! sheet and trust questionnaire; and an old ori-2025 file opening migrated without losing
//! anything (docs/FORMAT.md §Migration of `ori-2025` version 1).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::ins;
use patuh_core::assessment::{Answer, Assessment, Place};
use patuh_core::instrument::{Instrument, Lang};
use patuh_core::persist::{decode, encode, entry};
use patuh_core::report;

fn i25() -> &'static Instrument {
    ins("ori-2025")
}

#[test]
fn an_old_ori_2025_file_opens_migrated_and_loses_nothing() {
    let text = include_str!("fixtures/format-v1-ori-2025-v1.json");
    assert_eq!(entry(text).unwrap().instrument, "ori-2025", "listed on the start screen");
    assert!(
        patuh_core::migrate::migrates("ori-2025", "1")
            && !patuh_core::migrate::migrates("ori-2025", "2")
    );
    let a = decode(text).unwrap().assessment;
    let i = i25();
    assert_eq!(a.instrument_version, "2");
    let u = &a.units[0];
    // Same meaning, new place: unit-wide legal basis → every product's; pengawasan stays unit-wide.
    for p in &u.products {
        assert_eq!(p.answers["pr-dasar-hukum"].answer, Some(Answer::Value("2".into())));
        assert_eq!(p.answers["pr-dasar-hukum"].note, "SK standar pelayanan 2024");
    }
    assert_eq!(u.answers["pr-pengawasan"].answer, Some(Answer::Value("1".into())));
    assert_eq!(u.answers["pg-sk"].links, ["https://contoh.go.id/sk-pengaduan.pdf"]);
    assert_eq!(u.products[0].answers["pr-persyaratan"].photos, ["f1"]);
    assert_eq!(u.products[1].answers["pr-biaya"].answer, Some(Answer::NotApplicable));
    // Everything else is kept aside with its question, unit and product.
    let kept: Vec<(&str, &str)> =
        a.earlier.iter().map(|e| (e.indicator.as_str(), e.product.as_str())).collect();
    assert_eq!(
        kept,
        [("in-paham-sp", ""), ("kp-kepuasan", ""), ("out-penundaan", "p2"), ("pr-moto", "p2")]
    );
    assert_eq!(a.earlier[2].entry.note, "Dua berkas terlambat bulan lalu");
    assert_eq!(a.earlier[0].text.id, "Pengetahuan tentang komponen standar pelayanan");
    assert!(a.earlier[1].entry.review);
    // Saved again it is a current file, and it reopens the same.
    let again = decode(&encode(&a, "y")).unwrap().assessment;
    assert_eq!(again, a);
    assert!(report::build(i, &a, Lang::Id, "x").opinion.is_some());
    let _ = Place { unit: "u1".into(), product: "p2".into() };
}

#[test]
fn the_evidence_checklist_counts_what_is_ready() {
    use patuh_core::evidence::{checklist, count_text, totals};
    let i = i25();
    let sarpras = i.indicator("pr-sarpras").unwrap();
    assert_eq!(sarpras.evidence.len(), 15, "15 photo/document items for sarana prasarana");
    let items: usize = i.indicators().map(|(_, x)| x.evidence.len()).sum();
    assert_eq!(items, 75, "the 79 documents of the tracker, less the 4 Output figures typed in");
    let mut a = Assessment::new("e", i, "Dinas", "Unit", "Produk");
    a.add_product("u1", "Produk 2");
    let rows = checklist(i, &a, Lang::Id);
    // Unit-wide indicators once per unit, product ones per product.
    let per_product =
        i.indicators().filter(|(_, x)| x.scope == patuh_core::instrument::Scope::Product).count();
    let unit_wide = i.indicators().count() - per_product;
    assert_eq!(rows.len(), unit_wide + 2 * per_product);
    assert_eq!(totals(&rows).0, 0);
    let place = Place { unit: "u1".into(), product: "p2".into() };
    a.edit(i, &place, "pr-sarpras", |e| e.ready = vec!["b1".into(), "b15".into(), "zz".into()]);
    let back = decode(&encode(&a, "x")).unwrap().assessment;
    let rows = checklist(i, &back, Lang::Id);
    let row = rows.iter().find(|r| r.indicator == "pr-sarpras").unwrap();
    assert_eq!(
        (row.ready, row.total, row.missing.len()),
        (2, 15, 13),
        "an unknown id is not counted"
    );
    assert_eq!(count_text(row.ready, row.total, Lang::Id), "2 dari 15 bukti siap");
    assert_eq!(totals(&rows).0, 2);
}

#[test]
fn printable_interview_sheet_and_trust_questionnaire() {
    use patuh_core::interview::{progress, ROLES};
    use patuh_core::report::pdf::{render_interview, render_questionnaire};
    let i = i25();
    let mut a = Assessment::new("q", i, "Dinas Sosial", "Bidang Rehabilitasi", "Rekomendasi PBI");
    let u = &mut a.units[0];
    assert_eq!(progress(u, &ROLES[3]), (0, 5));
    u.interview.insert("petugas".into(), vec!["komponen".into(), "rentan".into(), "x".into()]);
    assert_eq!(progress(u, &ROLES[3]), (2, 5), "an unknown question is not counted");
    let back = decode(&encode(&a, "x")).unwrap().assessment;
    assert_eq!(back.units[0].interview, a.units[0].interview);
    for lang in [Lang::Id, Lang::En] {
        let sheet = render_interview(&a, "u1", lang, "2026-12-03").unwrap();
        let path = common::write_to("opinion", &format!("interview-{}.pdf", lang.code()), &sheet);
        let text = common::norm(&String::from_utf8_lossy(
            &common::poppler("pdftotext", &[path.to_str().unwrap(), "-"]).stdout,
        ));
        for r in &ROLES {
            assert!(text.contains(patuh_core::interview::role_name(r, lang)), "{}", r.key);
        }
        assert!(text.contains(if lang == Lang::Id {
            "paling sedikit 10 dari 14"
        } else {
            "at least 10 of the 14"
        }));
        let q = render_questionnaire(i, &a, ("u1", "p2"), lang, "x").unwrap();
        let path = common::write_to("opinion", &format!("trust-{}.pdf", lang.code()), &q);
        let text = common::norm(&String::from_utf8_lossy(
            &common::poppler("pdftotext", &[path.to_str().unwrap(), "-"]).stdout,
        ));
        let o = i.opinion.as_ref().unwrap();
        for question in &o.trust.questions {
            let first =
                question.text.get(lang).split_whitespace().take(4).collect::<Vec<_>>().join(" ");
            assert!(text.contains(&first), "{first}");
        }
        assert!(text.contains("Rekomendasi PBI"));
    }
    assert!(render_interview(&a, "nope", Lang::Id, "x").is_none());
    assert!(render_questionnaire(ins("ori-2022"), &a, ("u1", "p2"), Lang::Id, "x").is_none());
}

/// Trust-survey counts that differ between questions are pointed out, with the questions named
/// (every respondent answers every question, docs/SCORING.md §Public trust).
#[test]
fn trust_counts_that_differ_between_questions_are_pointed_out() {
    let o = ins("ori-2025").opinion.as_ref().unwrap();
    let k = o.trust.options.len();
    let mut t = patuh_core::trust::Tallies::new();
    for q in &o.trust.questions {
        t.insert(q.id.clone(), vec![0, 0, 30, 0][..k].to_vec());
    }
    assert_eq!(patuh_core::trust::uneven(&o.trust, &t, Lang::Id), None);
    t.insert(o.trust.questions[1].id.clone(), vec![0, 5, 0, 0][..k].to_vec());
    t.insert(o.trust.questions[2].id.clone(), vec![0, 0, 58, 0][..k].to_vec());
    let id = patuh_core::trust::uneven(&o.trust, &t, Lang::Id).unwrap();
    assert!(
        id.starts_with("Pertanyaan 2 berisi 5 jawaban, sedangkan pertanyaan 3 berisi 58"),
        "{id}"
    );
    let en = patuh_core::trust::uneven(&o.trust, &t, Lang::En).unwrap();
    assert!(en.starts_with("Question 2 has 5 answers while question 3 has 58"), "{en}");
    assert_eq!(patuh_core::trust::uneven(&o.trust, &Default::default(), Lang::Id), None);
}
