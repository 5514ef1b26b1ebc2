//! Writes the small workbook the workbook tests read (`core/tests/analytics_workbook.rs`
//! and the e2e fixture `e2e/fixtures/events.xlsx`): a "Notes" sheet, then an "Events"
//! sheet with numeric case ids and real Excel date cells. Run:
//! `cargo run -p journey-core --example write_xlsx -- e2e/fixtures/events.xlsx`.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// (case, activity, wall-clock time, channel, epoch ms of that time in UTC)
pub const EVENTS: [(u32, &str, &str, &str, i64); 5] = [
    (1001, "Visit", "2024-03-01 10:15:42", "web", 1_709_288_142_000),
    (1001, "Cart", "2024-03-01 10:20:00", "web", 1_709_288_400_000),
    (1001, "Pay", "2024-03-01 10:30:00.500", "web", 1_709_289_000_500),
    (1002, "Visit", "2024-03-02 09:00:00", "app", 1_709_370_000_000),
    (1002, "Pay", "2024-03-02 09:45:00", "app", 1_709_372_700_000),
];

pub fn workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("Notes").unwrap();
    notes.write_string(0, 0, "Export of March").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("Events").unwrap();
    let date = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss.000");
    for (c, h) in ["Customer", "Activity", "Timestamp", "Channel"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (i, (case, activity, time, channel, _)) in EVENTS.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_number(r, 0, *case as f64).unwrap();
        sheet.write_string(r, 1, *activity).unwrap();
        sheet.write_datetime_with_format(r, 2, &ExcelDateTime::parse_from_str(time).unwrap(), &date).unwrap();
        sheet.write_string(r, 3, *channel).unwrap();
    }
    book.save_to_buffer().unwrap()
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "events.xlsx".into());
    std::fs::write(&path, workbook()).expect("write the workbook");
}
