//! One table's part file in CSV (`--tables-format csv`), for spreadsheets.
//!
//! A header row of the column names, then one record per row, written as it
//! comes. Null is an empty field; a date is `YYYY-MM-DD`; a list is a JSON
//! array and a map a JSON object (keys in order), so nothing is lost.

use std::fs::File;
use std::io::{self, BufWriter};
use std::path::Path;

use super::rows::Cell;
use super::schema::Table;

/// A CSV part being written.
pub struct CsvPart {
    table: &'static Table,
    writer: csv::Writer<BufWriter<File>>,
}

/// The CSV text of one cell.
pub fn field(cell: Cell) -> String {
    match cell {
        Cell::Null => String::new(),
        Cell::Text(s) => s,
        Cell::Int(n) => n.to_string(),
        Cell::Bool(b) => b.to_string(),
        Cell::Date(d) => d.to_string(),
        Cell::List(items) => serde_json::Value::from(items).to_string(),
        Cell::Map(pairs) => {
            let object: serde_json::Map<String, serde_json::Value> = pairs
                .into_iter()
                .map(|(k, v)| (k, serde_json::Value::String(v)))
                .collect();
            serde_json::Value::Object(object).to_string()
        }
    }
}

impl CsvPart {
    /// Creates the part file at `path` and writes its header row.
    pub fn create(path: &Path, table: &'static Table) -> io::Result<CsvPart> {
        let file = BufWriter::with_capacity(1 << 16, File::create(path)?);
        let mut writer = csv::Writer::from_writer(file);
        writer.write_record(table.columns.iter().map(|c| c.name))?;
        Ok(CsvPart { table, writer })
    }

    /// Adds one row, cells in column order.
    pub fn push(&mut self, cells: Vec<Cell>) -> io::Result<()> {
        if cells.len() != self.table.columns.len() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "table {}: a row of {} cells for {} columns",
                    self.table.name,
                    cells.len(),
                    self.table.columns.len()
                ),
            ));
        }
        self.writer.write_record(cells.into_iter().map(field))?;
        Ok(())
    }

    /// Flushes and syncs the file.
    pub fn finish(self) -> io::Result<()> {
        let file = self
            .writer
            .into_inner()
            .map_err(|e| io::Error::other(e.to_string()))?;
        file.into_inner()
            .map_err(io::IntoInnerError::into_error)?
            .sync_all()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_and_maps_are_json_and_null_is_empty() {
        assert_eq!(field(Cell::Null), "");
        assert_eq!(
            field(Cell::List(vec!["a".into(), "b\"".into()])),
            r#"["a","b\""]"#
        );
        let map = Cell::Map(vec![("Z".into(), "1".into()), ("A".into(), "2".into())]);
        assert_eq!(field(map), r#"{"Z":"1","A":"2"}"#, "keys keep their order");
        let date = chrono::NaiveDate::from_ymd_opt(2024, 3, 7).unwrap();
        assert_eq!(field(Cell::Date(date)), "2024-03-07");
    }
}
