//! One table's part file in Parquet, written as the run goes.
//!
//! Rows go straight into arrow column builders; at [`BATCH_ROWS`] rows or
//! [`BATCH_BYTES`] of text the builders become one record batch for the
//! parquet writer, which closes a row group whenever its encoded size passes
//! [`ROW_GROUP_BYTES`] or it has [`ROW_GROUP_ROWS`] rows. So a table holds at most a batch and a row group in
//! memory, whatever the size of the run.

use std::fs::File;
use std::io::{self, BufWriter};
use std::path::Path;
use std::sync::Arc;

use arrow_array::builder::{
    ArrayBuilder, BooleanBuilder, Date32Builder, Int64Builder, ListBuilder, MapBuilder,
    StringBuilder,
};
use arrow_array::types::Date32Type;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use super::rows::Cell;
use super::schema::{Kind, Table};

/// Rows held in the builders before they are handed to the writer.
pub const BATCH_ROWS: usize = 4096;
/// Text bytes held in the builders before they are handed to the writer.
pub const BATCH_BYTES: usize = 256 << 10;
/// The encoded size at which a row group is closed and written out.
pub const ROW_GROUP_BYTES: usize = 2 << 20;
/// The most rows in a row group, however well they compress (an in-progress
/// row group keeps per-row state that its encoded size does not show).
pub const ROW_GROUP_ROWS: usize = 64 << 10;

enum Builder {
    Text(StringBuilder),
    Int(Int64Builder),
    Bool(BooleanBuilder),
    Date(Date32Builder),
    List(ListBuilder<StringBuilder>),
    Map(MapBuilder<StringBuilder, StringBuilder>),
}

impl Builder {
    fn new(kind: Kind) -> Builder {
        match kind {
            Kind::Text => Builder::Text(StringBuilder::new()),
            Kind::Int => Builder::Int(Int64Builder::new()),
            Kind::Bool => Builder::Bool(BooleanBuilder::new()),
            Kind::Date => Builder::Date(Date32Builder::new()),
            Kind::List => Builder::List(ListBuilder::new(StringBuilder::new())),
            Kind::Map => Builder::Map(MapBuilder::new(
                None,
                StringBuilder::new(),
                StringBuilder::new(),
            )),
        }
    }

    /// Appends one cell; returns the text bytes it holds, or None when the
    /// cell is not of the column's type (a bug in the row code).
    fn append(&mut self, cell: Cell) -> Option<usize> {
        let bytes = match (self, cell) {
            (Builder::Text(b), Cell::Text(s)) => {
                b.append_value(&s);
                s.len()
            }
            (Builder::Text(b), Cell::Null) => {
                b.append_null();
                0
            }
            (Builder::Int(b), Cell::Int(n)) => {
                b.append_value(n);
                8
            }
            (Builder::Int(b), Cell::Null) => {
                b.append_null();
                0
            }
            (Builder::Bool(b), Cell::Bool(v)) => {
                b.append_value(v);
                1
            }
            (Builder::Bool(b), Cell::Null) => {
                b.append_null();
                0
            }
            (Builder::Date(b), Cell::Date(d)) => {
                b.append_value(Date32Type::from_naive_date(d));
                4
            }
            (Builder::Date(b), Cell::Null) => {
                b.append_null();
                0
            }
            (Builder::List(b), Cell::List(items)) => {
                let bytes = items.iter().map(String::len).sum();
                for item in items {
                    b.values().append_value(item);
                }
                b.append(true);
                bytes
            }
            (Builder::List(b), Cell::Null) => {
                b.append(false);
                0
            }
            (Builder::Map(b), Cell::Map(pairs)) => {
                let bytes = pairs.iter().map(|(k, v)| k.len() + v.len()).sum();
                for (key, value) in pairs {
                    b.keys().append_value(key);
                    b.values().append_value(value);
                }
                b.append(true).ok()?;
                bytes
            }
            (Builder::Map(b), Cell::Null) => {
                b.append(false).ok()?;
                0
            }
            _ => return None,
        };
        Some(bytes)
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Builder::Text(b) => Arc::new(b.finish()),
            Builder::Int(b) => Arc::new(b.finish()),
            Builder::Bool(b) => Arc::new(b.finish()),
            Builder::Date(b) => Arc::new(b.finish()),
            Builder::List(b) => Arc::new(b.finish()),
            Builder::Map(b) => Arc::new(b.finish()),
        }
    }

    fn len(&self) -> usize {
        match self {
            Builder::Text(b) => b.len(),
            Builder::Int(b) => b.len(),
            Builder::Bool(b) => b.len(),
            Builder::Date(b) => b.len(),
            Builder::List(b) => b.len(),
            Builder::Map(b) => b.len(),
        }
    }
}

/// The arrow schema of a table: each column's type as its builder makes it.
pub fn schema_of(table: &Table) -> SchemaRef {
    let fields: Vec<Field> = table
        .columns
        .iter()
        .map(|c| {
            let data_type = Builder::new(c.kind).finish().data_type().clone();
            let required = c.name == "report_id" || c.name == "ord";
            Field::new(c.name, data_type, !required)
        })
        .collect();
    Arc::new(Schema::new(fields))
}

/// A Parquet part being written.
pub struct ParquetPart {
    table: &'static Table,
    schema: SchemaRef,
    builders: Vec<Builder>,
    buffered_bytes: usize,
    writer: ArrowWriter<BufWriter<File>>,
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

impl ParquetPart {
    /// Creates the part file at `path`.
    pub fn create(path: &Path, table: &'static Table) -> io::Result<ParquetPart> {
        let schema = schema_of(table);
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_created_by(concat!("council-reports ", env!("CARGO_PKG_VERSION")).to_string())
            .build();
        let file = BufWriter::with_capacity(1 << 16, File::create(path)?);
        let writer = ArrowWriter::try_new(file, Arc::clone(&schema), Some(props))
            .map_err(io::Error::other)?;
        Ok(ParquetPart {
            table,
            builders: table.columns.iter().map(|c| Builder::new(c.kind)).collect(),
            schema,
            buffered_bytes: 0,
            writer,
        })
    }

    /// Adds one row, cells in column order.
    pub fn push(&mut self, cells: Vec<Cell>) -> io::Result<()> {
        if cells.len() != self.builders.len() {
            return Err(invalid(format!(
                "table {}: a row of {} cells for {} columns",
                self.table.name,
                cells.len(),
                self.builders.len()
            )));
        }
        for ((builder, cell), column) in self.builders.iter_mut().zip(cells).zip(self.table.columns)
        {
            self.buffered_bytes += builder.append(cell).ok_or_else(|| {
                invalid(format!(
                    "table {}: a cell of the wrong type in column {}",
                    self.table.name, column.name
                ))
            })?;
        }
        let rows = self.builders.first().map_or(0, Builder::len);
        if rows >= BATCH_ROWS || self.buffered_bytes >= BATCH_BYTES {
            self.write_batch()?;
        }
        Ok(())
    }

    fn write_batch(&mut self) -> io::Result<()> {
        if self.builders.first().map_or(0, Builder::len) == 0 {
            return Ok(());
        }
        let columns: Vec<ArrayRef> = self.builders.iter_mut().map(Builder::finish).collect();
        self.buffered_bytes = 0;
        let batch =
            RecordBatch::try_new(Arc::clone(&self.schema), columns).map_err(io::Error::other)?;
        self.writer.write(&batch).map_err(io::Error::other)
    }

    /// Writes what is buffered and the footer, and syncs the file.
    pub fn finish(mut self) -> io::Result<()> {
        self.write_batch()?;
        let file = self.writer.into_inner().map_err(io::Error::other)?;
        file.into_inner()
            .map_err(io::IntoInnerError::into_error)?
            .sync_all()
    }
}
