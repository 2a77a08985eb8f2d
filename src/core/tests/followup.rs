//! The follow-up register (docs/SCORING.md §Opinion): an Ombudsman product whose deadline passed
//! before the assessment's date, and is not done, says so in every file, as of that date.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{answer_all, ins};
use patuh_core::assessment::Assessment;
use patuh_core::followup::{overdue, FollowUp, Kind, Status};
use patuh_core::instrument::Lang;
use patuh_core::persist::encode;
use patuh_core::report::{self, csv, html, pdf};

fn item(deadline: &str, status: Status) -> FollowUp {
    FollowUp {
        id: "t1".into(),
        kind: Kind::SaranPerbaikan,
        number: "12/LAHP/2025".into(),
        date: "2025-01-15".into(),
        asks: "Perbaiki maklumat pelayanan".into(),
        status,
        evidence: String::new(),
        deadline: deadline.into(),
    }
}

#[test]
fn overdue_exactly_when_not_done_and_the_deadline_passed_before_the_assessment_date() {
    let as_of = "2026-12-03";
    assert!(overdue(&item("2025-03-31", Status::DalamProses), as_of));
    assert!(overdue(&item("2026-12-02", Status::Belum), as_of));
    assert!(!overdue(&item("2026-12-03", Status::DalamProses), as_of), "due today is not late");
    assert!(!overdue(&item("2027-01-31", Status::DalamProses), as_of));
    assert!(!overdue(&item("2025-03-31", Status::Selesai), as_of), "done is never late");
    assert!(!overdue(&item("", Status::DalamProses), as_of), "no deadline, nothing to pass");
    assert!(!overdue(&item("31/03/2025", Status::DalamProses), as_of), "not a date");
    assert!(!overdue(&item("2025-03-31", Status::DalamProses), ""), "no assessment date");
}

#[test]
fn an_overdue_product_says_so_on_screen_and_in_the_html_pdf_and_csv() {
    let i = ins("ori-2025");
    let mut a = Assessment::new("a1", i, "Dinas Sosial", "Bidang Pelayanan", "Bantuan Sosial");
    a.date = "2026-12-03".into();
    answer_all(i, &mut a, "3");
    a.no_followups = false;
    a.followups = vec![item("2025-03-31", Status::DalamProses)];
    for (lang, late, date) in [
        (Lang::Id, "(lewat batas waktu)", "31 Maret 2025"),
        (Lang::En, "(past the deadline)", "31 March 2025"),
    ] {
        let r = report::build(i, &a, lang, "2026-12-03T10:00:00Z");
        let shown = &r.opinion.as_ref().unwrap().followups[0].deadline;
        assert_eq!(shown, &format!("{date} {late}"), "the screen's view-model");
        assert!(html::render(&r, &encode(&a, "x")).contains(late), "HTML");
        // Wherever the CSV gives the deadline, it says it passed.
        let c = csv::render(&r, b';');
        assert!(!c.contains(date) || c.contains(late), "CSV: {c}");
        let path =
            common::write_to("followup", &format!("late-{}.pdf", lang.code()), &pdf::render(&r));
        let out = common::poppler("pdftotext", &[path.to_str().unwrap(), "-"]);
        let text = common::norm(&String::from_utf8_lossy(&out.stdout));
        assert!(text.contains(&common::norm(late)), "PDF: {text}");
    }
    a.followups[0].status = Status::Selesai;
    let r = report::build(i, &a, Lang::Id, "x");
    assert!(!html::render(&r, &encode(&a, "x")).contains("lewat batas waktu"), "done: not late");
}

#[test]
fn none_addressed_says_so_instead_of_every_product_acted_on() {
    use patuh_core::followup::{combine, qualifier, Qualifier};
    let i = ins("ori-2025");
    let mut a = Assessment::new("a2", i, "Dinas Sosial", "Bidang Pelayanan", "Bantuan Sosial");
    answer_all(i, &mut a, "3");
    a.no_followups = true;
    assert_eq!(qualifier(&a.followups, true), Qualifier::NoneAddressed);
    let r = report::build(i, &a, Lang::Id, "2026-12-03T10:00:00Z");
    let o = r.opinion.as_ref().unwrap();
    assert_eq!(
        o.qualifier_note,
        "Tidak ada produk Ombudsman untuk instansi ini: sebutan “Tanpa Maladministrasi” dapat \
         diberikan."
    );
    assert!(o.words.as_ref().unwrap().ends_with("Tanpa Maladministrasi"), "the suffix is kept");
    assert!(!html::render(&r, "{}").contains("telah ditindaklanjuti"));
    // Every product done still says so; a pemda mixing both has had products, all done.
    a.followups = vec![item("2025-03-31", Status::Selesai)];
    assert_eq!(qualifier(&a.followups, true), Qualifier::Earned);
    let r = report::build(i, &a, Lang::Id, "2026-12-03T10:00:00Z");
    assert!(r.opinion.unwrap().qualifier_note.starts_with("Semua produk Ombudsman telah"));
    let both = [Qualifier::NoneAddressed, Qualifier::Earned];
    assert_eq!(combine(&both), Qualifier::Earned);
    assert_eq!(combine(&[Qualifier::NoneAddressed]), Qualifier::NoneAddressed);
}
