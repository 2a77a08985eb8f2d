//! Every export comes from one report model: golden figures of the model for a fixed assessment of
//! each instrument, in both languages (the files made from it: `report_files.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{build, ins, sample_2016, sample_2022, set, set_all};
use patuh_core::assessment::Assessment;
use patuh_core::exact::Hundredths;
use patuh_core::instrument::{Lang, Scope, Zone};
use patuh_core::persist::encode;
use patuh_core::report::{self, html};

fn h(n: u32) -> Hundredths {
    Hundredths(n)
}

// ---------------------------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------------------------

#[test]
fn ori_2016_model_golden() {
    let r = build("ori-2016", &sample_2016(), Lang::Id);
    let o = &r.overall;
    let score = o.score.as_ref().unwrap();
    assert_eq!(score.value, h(7434));
    assert_eq!(score.text, "74,34");
    let band = o.band.as_ref().unwrap();
    assert_eq!(band.zone, Zone::Kuning);
    assert_eq!(band.zone_name, "Zona Kuning");
    assert_eq!(band.label, "Kepatuhan Sedang");
    assert_eq!(band.grade, None);
    assert!(o.provisional);
    assert_eq!((o.unanswered, o.total), (1, 26));
    assert!(o.status.starts_with("Sementara: 1 pertanyaan belum dijawab."), "{}", o.status);

    // Legend: all three bands with their ranges.
    let legend: Vec<(String, String)> =
        r.legend.iter().map(|b| (b.min.text.clone(), b.max.text.clone())).collect();
    assert_eq!(
        legend,
        [("0,00", "50,99"), ("51,00", "80,99"), ("81,00", "100,00")]
            .map(|(a, b)| (a.to_string(), b.to_string()))
    );

    // Per unit and product; unit-wide indicators once per unit, product ones per product.
    let u = &r.units[0];
    assert_eq!(u.score.as_ref().unwrap().text, "74,34");
    assert_eq!((u.answered, u.total), (25, 26));
    assert_eq!(u.indicators.len(), 16);
    assert!(u.indicators.iter().all(|i| i.scope == Scope::Unit));
    let p1 = &u.products[0];
    let p2 = &u.products[1];
    assert_eq!(p1.indicators.len(), 5);
    assert_eq!(p1.score.as_ref().unwrap().text, "73,68"); // 14/19
    assert_eq!(p2.score.as_ref().unwrap().text, "75,00"); // 15/20
    assert_eq!((p2.answered, p2.total), (20, 21));

    // Answer labels, notes, evidence and the review flag.
    let jw = p1.indicators.iter().find(|i| i.id == "sp-jangka-waktu").unwrap();
    assert_eq!(jw.answer, "Tidak ada");
    assert_eq!((jw.points, jw.max_points), (Some(0), Some(1)));
    assert!(jw.review && jw.unmet());
    assert_eq!(jw.links, ["https://contoh.go.id/standar-pelayanan.pdf"]);
    let biaya = p1.indicators.iter().find(|i| i.id == "sp-biaya").unwrap();
    assert_eq!(biaya.answer, "Tidak berlaku");
    assert_eq!((biaya.points, biaya.max_points), (None, None));
    let syarat = p2.indicators.iter().find(|i| i.id == "sp-persyaratan").unwrap();
    assert_eq!(syarat.answer, "Belum dijawab");
    assert!(!syarat.answered && !syarat.unmet());

    // Section breakdown: standar pelayanan = mean of products (3/4, 4/5) = 77.50 %.
    let sp = &r.sections[0];
    assert_eq!(sp.title, "Standar Pelayanan");
    assert_eq!(sp.fulfilment.as_ref().unwrap().text, "77,50");
    assert_eq!((sp.answered, sp.total), (9, 10));
    assert!(sp.points.is_none() && sp.max_points.is_none());
}

/// The same model's fixes, plan, provenance and identity.
#[test]
fn ori_2016_model_golden_fixes_and_provenance() {
    let r = build("ori-2016", &sample_2016(), Lang::Id);
    // Gaps: four unit-wide ones (+5,13 each, walk order), then the product one (+2,63).
    let gaps: Vec<(&str, &str)> =
        r.gaps.iter().map(|g| (g.indicator.as_str(), g.gain.text.as_str())).collect();
    assert_eq!(
        gaps,
        [
            ("sa-toilet", "5,13"),
            ("sa-ruang-tunggu", "5,13"),
            ("pg-petugas", "5,13"),
            ("rk-rekognisi", "5,13"),
            ("sp-jangka-waktu", "2,63"),
        ]
    );
    assert_eq!(r.gaps[0].product, None, "unit-wide gap names no product");
    assert_eq!(r.gaps[4].product.as_deref(), Some("KTP-el"));
    assert!(!r.gaps[0].action.is_empty());

    // Plan to hijau (81,00): two unit-wide fixes → 643/760 × 100 = 84.605… → 84,61.
    assert_eq!(r.plans.len(), 1);
    let plan = &r.plans[0];
    assert_eq!(plan.target.zone, Zone::Hijau);
    assert_eq!(plan.target.min.text, "81,00");
    assert_eq!(plan.fixes.len(), 2);
    assert_eq!(plan.score_after.text, "84,61");
    assert_eq!(plan.fixes[0].action, r.gaps[0].action);

    // Provenance: weights, aggregation with confidence, the assumed section and indicators.
    let subjects: Vec<&str> = r.assumptions.iter().map(|a| a.subject.as_str()).collect();
    assert_eq!(subjects[0], "Bobot");
    assert!(
        subjects[1].starts_with("Agregasi (tingkat keyakinan: terkonfirmasi"),
        "{}",
        subjects[1]
    );
    assert!(subjects.iter().any(|s| s.starts_with("Bagian: Rekognisi")));
    // An assumed indicator is named by its question, not its id.
    assert!(subjects.iter().any(|s| s.starts_with("Unit pelayanan memiliki rekognisi")));
    assert!(!subjects.iter().any(|s| s.contains("rk-rekognisi")));
    assert!(r.privacy.contains("Data hanya disimpan di peramban"));

    // Identity.
    assert_eq!(r.identity.date, "23 November 2026");
    assert_eq!(r.identity.units[0].products, ["KTP-el", "Kartu Keluarga"]);
    assert_eq!(r.instrument.years, "2016–2021");
    assert_eq!(r.instrument.version, "1");
}

#[test]
fn ori_2022_model_golden() {
    let r = build("ori-2022", &sample_2022(), Lang::Id);
    let o = &r.overall;
    assert_eq!(o.score.as_ref().unwrap().text, "70,66");
    let band = o.band.as_ref().unwrap();
    assert_eq!(band.grade.as_deref(), Some("C"));
    assert_eq!(band.zone, Zone::Kuning);
    assert_eq!(band.label, "Kualitas Sedang");
    assert_eq!(band.summary(), "C · Zona Kuning · Kualitas Sedang");
    assert!(!o.provisional);
    assert_eq!((o.unanswered, o.total), (0, 41));
    assert_eq!(o.status, "Lengkap: semua 41 indikator sudah dijawab.");
    assert_eq!(r.legend.len(), 5);
    assert_eq!(r.legend[1].grade.as_deref(), Some("D"));
    assert_eq!((r.legend[1].min.text.as_str(), r.legend[1].max.text.as_str()), ("32,00", "53,99"));

    // Dimension points / maxima and fulfilment.
    let dims: Vec<(String, String, String)> = r
        .sections
        .iter()
        .map(|s| {
            (
                s.fulfilment.as_ref().unwrap().text.clone(),
                s.points.as_ref().unwrap().text.clone(),
                s.max_points.as_ref().unwrap().text.clone(),
            )
        })
        .collect();
    let want = [
        ("100,00", "21,85", "21,85"),
        ("66,67", "21,58", "32,37"),
        ("33,33", "8,08", "24,24"),
        ("88,89", "19,15", "21,54"),
    ]
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()));
    assert_eq!(dims, want);
    assert!(r.sections[2].note.is_some(), "the Output projection is explained");

    let u = &r.units[0];
    assert_eq!(u.band.as_ref().unwrap().grade.as_deref(), Some("C"));
    assert_eq!(u.products[0].score, None, "ori-2022 products are not scored alone");
    assert_eq!(u.products[0].indicators.len(), 12);
    assert_eq!(u.indicators.len(), 29);
    assert_eq!(u.products[0].indicators[0].answer, "2 · Sebagian besar");

    // Gaps: Output ×5 (+3,23), then pg-waktu (+2,39), then Proses ×12 (+0,90).
    assert_eq!(r.gaps.len(), 18);
    assert!(r.gaps[..5].iter().all(|g| g.gain.text == "3,23" && g.indicator.starts_with("out-")));
    assert_eq!((r.gaps[5].indicator.as_str(), r.gaps[5].gain.text.as_str()), ("pg-waktu", "2,39"));
    assert!(r.gaps[6..].iter().all(|g| g.gain.text == "0,90"));
    // To B (hijau, 78,00): three Output fixes → 80.3526… → 80,35.
    assert_eq!(r.plans.len(), 1);
    assert_eq!(r.plans[0].target.grade.as_deref(), Some("B"));
    assert_eq!(r.plans[0].fixes.len(), 3);
    assert_eq!(r.plans[0].score_after.text, "80,35");

    // Scale meaning and the Pengaduan list are flagged as assumed.
    let subjects: Vec<&str> = r.assumptions.iter().map(|a| a.subject.as_str()).collect();
    assert!(subjects.contains(&"Arti tingkat skala"));
    assert!(subjects.iter().any(|s| s.starts_with("Bagian: Dimensi Pengaduan")));
}

#[test]
fn english_report_uses_english_text_and_numbers() {
    let r = build("ori-2022", &sample_2022(), Lang::En);
    assert_eq!(r.overall.score.as_ref().unwrap().text, "70.66");
    assert_eq!(r.overall.band.as_ref().unwrap().zone_name, "Yellow zone");
    assert_eq!(r.overall.band.as_ref().unwrap().label, "Medium quality");
    assert!(r.privacy.starts_with("Data is kept only in the browser"));
    assert_eq!(r.gaps[0].gain.text, "3.23");
    let r16 = build("ori-2016", &sample_2016(), Lang::En);
    assert!(r16.overall.status.starts_with("Provisional: 1 question not answered."));
    assert_eq!(r16.identity.date, "23 November 2026");
    let syarat = &r16.units[0].products[1].indicators[0];
    assert_eq!(syarat.answer, "Not answered yet");
}

#[test]
fn nothing_applicable_gives_no_score_and_no_plan() {
    let i = ins("ori-2016");
    let mut a = Assessment::new("n", i, "Dinas", "Unit", "Produk");
    let p = a.places()[0].clone();
    set_all(i, &mut a, &p, "tb");
    let r = report::build(i, &a, Lang::Id, "x");
    assert_eq!(r.overall.score, None);
    assert_eq!(r.overall.band, None);
    assert_eq!(r.overall.status, "Belum ada nilai: tidak ada indikator yang berlaku.");
    assert!(r.plans.is_empty() && r.gaps.is_empty());
    let page = html::render(&r, &encode(&a, "x"));
    assert!(page.contains("Belum ada nilai"));
}

/// A whole dimension "Tidak berlaku" leaves it without a fulfilment, so the unit has no score: the
/// status names the dimension and the unit, in the files as on screen.
#[test]
fn no_score_says_which_part_has_nothing_applicable() {
    let i = ins("ori-2022");
    let mut a = sample_2022();
    let p = a.places()[0].clone();
    let pengaduan = i.sections.iter().find(|s| s.id == "pengaduan").unwrap();
    for ind in &pengaduan.indicators {
        set(i, &mut a, &p, &ind.id, "tb");
    }
    let r = report::build(i, &a, Lang::Id, "x");
    assert_eq!(r.overall.score, None);
    assert_eq!(
        r.overall.status,
        "Belum ada nilai: semua indikator Dimensi Pengaduan ditandai “Tidak berlaku” di Puskesmas \
         Watdek. Setiap bagian perlu setidaknya satu indikator yang berlaku."
    );
    let en = report::build(i, &a, Lang::En, "x");
    assert!(en.overall.status.starts_with("No score yet: every indicator of Complaints dimension"));
    assert!(html::render(&r, &encode(&a, "x")).contains("Dimensi Pengaduan ditandai"));
}

#[test]
fn dates_are_written_out_or_kept_as_typed() {
    assert_eq!(report::format_date("2026-01-05", Lang::Id), "5 Januari 2026");
    assert_eq!(report::format_date("2026-08-17", Lang::En), "17 August 2026");
    assert_eq!(report::format_date("17/08/2026", Lang::Id), "17/08/2026");
    assert_eq!(report::format_date("2026-13-01", Lang::Id), "2026-13-01");
    assert_eq!(report::format_date("", Lang::Id), "");
}

#[test]
fn a_moment_is_written_as_the_footer_writes_it_whatever_the_clock() {
    use patuh_core::dates::format_clock;
    // The start screen's saved list (local time) and the reports' footer (UTC) share the rule.
    let clock = |s: &str, lang| format_clock(s, lang).unwrap();
    assert_eq!(clock("2026-12-03T13:43:10.000", Lang::Id), "3 Desember 2026, 13.43");
    assert_eq!(clock("2026-12-03T13:43:10.000", Lang::En), "3 December 2026, 13:43");
    assert_eq!(clock("2027-01-09T07:05", Lang::Id), "9 Januari 2027, 07.05");
    assert_eq!(
        report::format_moment("2026-12-03T13:43:10.000Z", Lang::Id),
        format!("{} UTC", clock("2026-12-03T13:43", Lang::Id))
    );
    // No real date or time: nothing is invented.
    for bad in [
        "2026-13-03T13:43",
        "2026-00-03T13:43",
        "2026-02-00T01:01",
        "2026-02-03T24:00",
        "2026-02-03T01:60",
        "2026-02-03 01:00",
        "2026-2-3T01:00",
        "kemarin",
        "",
    ] {
        assert_eq!(format_clock(bad, Lang::Id), None, "{bad}");
    }
    assert_eq!(report::format_moment("2026-12-03T25:43:00Z", Lang::Id), "2026-12-03T25:43:00Z");
    assert_eq!(report::format_moment("2026-12-03 13:43Z", Lang::Id), "2026-12-03 13:43Z");
}
