//! A content-stream tokenizer that reads operations without building a
//! `lopdf::Object` per operand.
//!
//! Content streams are where a PDF reader spends its time, and lopdf's
//! parser allocates an `Operation`, a `String` and an `Object` (with its own
//! `Vec` for every string and name) per operator. This lexer keeps its
//! operands in buffers reused from one operation to the next and hands out
//! borrowed views.
//!
//! It follows lopdf 0.47's content grammar exactly (`parser::operation`), so
//! that the interpreter sees the same operations, and stops at the same
//! place on a damaged stream: numbers (`0.00-41` read as `0.0041`, as
//! lopdf and Poppler do), names with `#xx` escapes, literal strings with
//! escapes and at most 100 nested parentheses, hexadecimal strings, arrays
//! and dictionaries nested at most 100 deep, comments only between
//! operations. An inline image (`BI … ID … EI`) hands the rest of the stream
//! to lopdf's own iterator, whose rules for finding the end of the image
//! data are not worth duplicating for so rare a case.

use lopdf::content::{Content, ContentOperations, Operation};
use lopdf::Object;

/// lopdf's `reader::MAX_NESTING_DEPTH`: arrays and dictionaries.
const MAX_NESTING: usize = 100;
/// lopdf's `reader::MAX_BRACKET`: parentheses nested inside a literal string.
const MAX_BRACKET: usize = 100;

/// An operand as stored: spans into the byte buffer, ranges into the item
/// buffer.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Token {
    Null,
    Bool(bool),
    Int(i64),
    Real(f32),
    Name(u32, u32),
    Str(u32, u32),
    /// Top-level items of an array, as a range of the item buffer.
    Array(u32, u32),
    /// Top-level entries of a dictionary, key then value, as a range of the
    /// item buffer.
    Dict(u32, u32),
    /// Anything else (a reference, a nested container, an inline image).
    Other,
}

/// One operand of an operation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Operand<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A real number.
    Real(f32),
    /// A name, `#xx` escapes decoded, without its slash.
    Name(&'a [u8]),
    /// A string (literal or hexadecimal), decoded.
    Str(&'a [u8]),
    /// An array.
    Array(Items<'a>),
    /// A dictionary.
    Dict(Items<'a>),
    /// Anything else: a reference, or a container nested inside a container.
    Other,
}

impl<'a> Operand<'a> {
    /// The value of a number (integer or finite real), as the interpreter
    /// uses it.
    pub fn num(&self) -> Option<f32> {
        match *self {
            Operand::Int(i) => Some(i as f32),
            Operand::Real(r) if r.is_finite() => Some(r),
            _ => None,
        }
    }

    /// The bytes of a name.
    pub fn name(&self) -> Option<&'a [u8]> {
        match *self {
            Operand::Name(n) => Some(n),
            _ => None,
        }
    }

    /// The bytes of a string.
    pub fn string(&self) -> Option<&'a [u8]> {
        match *self {
            Operand::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// The items of an array, or the keys and values of a dictionary, one level
/// deep (a container inside reads as [`Operand::Other`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Items<'a> {
    tokens: &'a [Token],
    bytes: &'a [u8],
}

impl<'a> Items<'a> {
    /// The items in order (for a dictionary: key, value, key, value…).
    pub fn iter(&self) -> impl Iterator<Item = Operand<'a>> + 'a {
        let (tokens, bytes, items) = (self.tokens, self.bytes, &[][..]);
        tokens.iter().map(move |t| view(*t, items, bytes))
    }

    /// A dictionary's value for `key` (the last one, as lopdf keeps it).
    pub fn get(&self, key: &[u8]) -> Option<Operand<'a>> {
        let mut found = None;
        let mut it = self.iter();
        while let (Some(k), Some(v)) = (it.next(), it.next()) {
            if k.name() == Some(key) {
                found = Some(v);
            }
        }
        found
    }
}

fn span(bytes: &[u8], start: u32, len: u32) -> &[u8] {
    let s = start as usize;
    bytes.get(s..s + len as usize).unwrap_or(&[])
}

/// The view of a token; `items` is empty for tokens that are themselves
/// items (their containers were not kept).
fn view<'a>(t: Token, items: &'a [Token], bytes: &'a [u8]) -> Operand<'a> {
    match t {
        Token::Null => Operand::Null,
        Token::Bool(b) => Operand::Bool(b),
        Token::Int(i) => Operand::Int(i),
        Token::Real(r) => Operand::Real(r),
        Token::Name(s, l) => Operand::Name(span(bytes, s, l)),
        Token::Str(s, l) => Operand::Str(span(bytes, s, l)),
        Token::Array(s, l) | Token::Dict(s, l) => {
            let s = s as usize;
            let Some(tokens) = items.get(s..s + l as usize) else {
                return Operand::Other;
            };
            let it = Items { tokens, bytes };
            if matches!(t, Token::Array(..)) {
                Operand::Array(it)
            } else {
                Operand::Dict(it)
            }
        }
        Token::Other => Operand::Other,
    }
}

/// One operation: an operator and its operands.
#[derive(Debug, Clone, Copy)]
pub struct Op<'a> {
    /// The operator, e.g. `Tj`.
    pub operator: &'a [u8],
    operands: &'a [Token],
    items: &'a [Token],
    bytes: &'a [u8],
}

impl<'a> Op<'a> {
    /// The operand at `i`.
    pub fn get(&self, i: usize) -> Option<Operand<'a>> {
        self.operands
            .get(i)
            .map(|t| view(*t, self.items, self.bytes))
    }

    /// The number at `i`, or 0 when missing or not a number.
    pub fn num(&self, i: usize) -> f32 {
        self.get(i).and_then(|o| o.num()).unwrap_or(0.0)
    }

    /// The number of operands.
    pub fn len(&self) -> usize {
        self.operands.len()
    }

    /// Whether the operation has no operands.
    pub fn is_empty(&self) -> bool {
        self.operands.is_empty()
    }
}

/// Reads the operations of one content stream, one at a time.
pub struct Lexer<'s> {
    src: &'s [u8],
    pos: usize,
    done: bool,
    /// lopdf's iterator, once an inline image was met.
    fallback: Option<ContentOperations<'s>>,
    operands: Vec<Token>,
    items: Vec<Token>,
    bytes: Vec<u8>,
    operator: (u32, u32),
}

/// A failed parse: the stream ends here.
struct Stop;

type Lex<T> = std::result::Result<T, Stop>;

fn is_whitespace(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\0' | 0x0C)
}

fn is_delimiter(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(c: u8) -> bool {
    !is_whitespace(c) && !is_delimiter(c)
}

fn is_operator_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'*' | b'\'' | b'"')
}

/// The value of a hexadecimal digit (as `char::to_digit(16)` reads it).
fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

impl<'s> Lexer<'s> {
    /// A lexer over the bytes of a decoded content stream.
    pub fn new(src: &'s [u8]) -> Lexer<'s> {
        let mut lexer = Lexer::at_start(src);
        lexer.content_space();
        lexer
    }

    /// A lexer at the first byte of `src`, nothing skipped yet.
    fn at_start(src: &'s [u8]) -> Lexer<'s> {
        Lexer {
            src,
            pos: 0,
            done: false,
            fallback: None,
            operands: Vec::new(),
            items: Vec::new(),
            bytes: Vec::new(),
            operator: (0, 0),
        }
    }

    /// The next operation, or `None` at the end of the stream or at the
    /// first damaged operation.
    pub fn next_op(&mut self) -> Option<Op<'_>> {
        if self.done {
            return None;
        }
        self.operands.clear();
        self.items.clear();
        self.bytes.clear();
        let ok = match self.fallback.as_mut() {
            Some(ops) => match ops.next() {
                Some(Ok(op)) => {
                    self.convert(&op);
                    true
                }
                _ => false,
            },
            None => self.operation().is_ok(),
        };
        if !ok {
            self.done = true;
            return None;
        }
        Some(Op {
            operator: span(&self.bytes, self.operator.0, self.operator.1),
            operands: &self.operands,
            items: &self.items,
            bytes: &self.bytes,
        })
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn rest(&self) -> &'s [u8] {
        self.src.get(self.pos..).unwrap_or(&[])
    }

    fn content_space(&mut self) {
        while self.peek().is_some_and(is_whitespace) {
            self.pos += 1;
        }
    }

    /// An end of line (`\r\n`, `\n` or `\r`), if one is next.
    fn eol(&mut self) -> bool {
        match self.peek() {
            Some(b'\r') => {
                self.pos += 1;
                if self.peek() == Some(b'\n') {
                    self.pos += 1;
                }
                true
            }
            Some(b'\n') => {
                self.pos += 1;
                true
            }
            _ => false,
        }
    }

    /// A comment with its end of line; on failure nothing is consumed.
    fn comment(&mut self) -> bool {
        if self.peek() != Some(b'%') {
            return false;
        }
        let rest = self.rest();
        match rest.iter().position(|&c| c == b'\r' || c == b'\n') {
            Some(n) => {
                self.pos += n;
                self.eol()
            }
            None => false,
        }
    }

    /// White space and comments (lopdf's `space`, used inside containers).
    fn space(&mut self) {
        loop {
            self.content_space();
            if !self.comment() {
                return;
            }
        }
    }

    fn push_bytes(&mut self, b: &[u8]) {
        self.bytes.extend_from_slice(b);
    }

    fn mark(&self) -> u32 {
        self.bytes.len() as u32
    }

    fn span_from(&self, start: u32) -> (u32, u32) {
        (start, self.bytes.len() as u32 - start)
    }

    fn operation(&mut self) -> Lex<()> {
        let op_start = self.pos;
        while self.comment() {
            self.content_space();
        }
        if self.rest().starts_with(b"BI") {
            let tail = self.src.get(op_start..).unwrap_or(&[]);
            let mut ops = Content::decode_iter(tail);
            let first = ops.next();
            self.fallback = Some(ops);
            return match first {
                Some(Ok(op)) => {
                    self.convert(&op);
                    Ok(())
                }
                _ => Err(Stop),
            };
        }
        while let Some(t) = self.operand()? {
            self.operands.push(t);
            self.content_space();
        }
        let rest = self.rest();
        let n = rest.iter().take_while(|&&c| is_operator_char(c)).count();
        match rest.first() {
            Some(c) if n > 0 && !c.is_ascii_digit() => {
                let start = self.mark();
                self.push_bytes(rest.get(..n).unwrap_or(&[]));
                self.operator = self.span_from(start);
                self.pos += n;
                self.content_space();
                Ok(())
            }
            _ => Err(Stop),
        }
    }

    /// An operand at the top level of an operation: `Ok(None)` when the next
    /// byte cannot start one (it may start the operator).
    fn operand(&mut self) -> Lex<Option<Token>> {
        let rest = self.rest();
        let Some(&c) = rest.first() else {
            return Ok(None);
        };
        let t = match c {
            b'n' | b't' | b'f' => match self.keyword() {
                Some(t) => t,
                None => return Ok(None),
            },
            b'0'..=b'9' | b'+' | b'-' | b'.' => self.number()?,
            b'/' => self.name(),
            b'(' => self.literal()?,
            b'<' => self.angle(MAX_NESTING, true)?,
            b'[' => self.array(MAX_NESTING, true)?,
            _ => return Ok(None),
        };
        Ok(Some(t))
    }

    fn keyword(&mut self) -> Option<Token> {
        let rest = self.rest();
        let (t, n) = if rest.starts_with(b"null") {
            (Token::Null, 4)
        } else if rest.starts_with(b"true") {
            (Token::Bool(true), 4)
        } else if rest.starts_with(b"false") {
            (Token::Bool(false), 5)
        } else {
            return None;
        };
        self.pos += n;
        Some(t)
    }

    /// A real, else an integer.
    fn number(&mut self) -> Lex<Token> {
        if let Some((r, n)) = real(self.rest()) {
            self.pos += n;
            return Ok(Token::Real(r));
        }
        match integer(self.rest()) {
            Some((i, n)) => {
                self.pos += n;
                Ok(Token::Int(i))
            }
            None => Err(Stop),
        }
    }

    fn name(&mut self) -> Token {
        self.pos += 1;
        let start = self.mark();
        loop {
            let rest = self.rest();
            let run = rest
                .iter()
                .position(|&c| c == b'#' || !is_regular(c))
                .unwrap_or(rest.len());
            self.bytes.extend_from_slice(rest.get(..run).unwrap_or(&[]));
            self.pos += run;
            let rest = self.rest();
            match rest {
                [b'#', h, l, ..] => match (hex_value(*h), hex_value(*l)) {
                    (Some(h), Some(l)) => {
                        self.bytes.push((h << 4) | l);
                        self.pos += 3;
                    }
                    _ => break,
                },
                _ => break,
            }
        }
        let (s, l) = self.span_from(start);
        Token::Name(s, l)
    }

    fn literal(&mut self) -> Lex<Token> {
        self.pos += 1;
        let start = self.mark();
        let mut level = 0usize;
        loop {
            let rest = self.rest();
            let run = rest
                .iter()
                .position(|&c| matches!(c, b'(' | b')' | b'\\' | b'\r' | b'\n'))
                .ok_or(Stop)?;
            self.bytes.extend_from_slice(rest.get(..run).unwrap_or(&[]));
            self.pos += run;
            match self.peek() {
                Some(b'(') => {
                    if level == MAX_BRACKET {
                        return Err(Stop);
                    }
                    level += 1;
                    self.bytes.push(b'(');
                    self.pos += 1;
                }
                Some(b')') => {
                    self.pos += 1;
                    if level == 0 {
                        break;
                    }
                    level -= 1;
                    self.bytes.push(b')');
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape()?;
                }
                _ => {
                    self.eol();
                    self.bytes.push(b'\n');
                }
            }
        }
        let (s, l) = self.span_from(start);
        Ok(Token::Str(s, l))
    }

    /// The escape after a backslash in a literal string.
    fn escape(&mut self) -> Lex<()> {
        let rest = self.rest();
        let octal = rest
            .iter()
            .take(3)
            .take_while(|c| (b'0'..=b'7').contains(*c))
            .count();
        if octal > 0 {
            // Overflow (\777) wraps, as the spec asks.
            let v = rest
                .iter()
                .take(octal)
                .fold(0u16, |v, &c| v * 8 + u16::from(c - b'0'));
            self.bytes.push(v as u8);
            self.pos += octal;
            return Ok(());
        }
        if self.eol() {
            return Ok(());
        }
        let c = self.peek().ok_or(Stop)?;
        self.bytes.push(match c {
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'b' => 0x08,
            b'f' => 0x0C,
            other => other,
        });
        self.pos += 1;
        Ok(())
    }

    /// A hexadecimal string, else a dictionary.
    fn angle(&mut self, depth: usize, keep: bool) -> Lex<Token> {
        if let Some(t) = self.hex() {
            return Ok(t);
        }
        self.dict(depth, keep)
    }

    fn hex(&mut self) -> Option<Token> {
        let start = self.mark();
        let mut high = true;
        let mut i = self.pos + 1;
        loop {
            let Some(&c) = self.src.get(i) else {
                self.bytes.truncate(start as usize);
                return None;
            };
            i += 1;
            if let Some(v) = hex_value(c) {
                if high {
                    self.bytes.push(v << 4);
                } else if let Some(last) = self.bytes.last_mut() {
                    *last |= v;
                }
                high = !high;
            } else if c == b'>' {
                break;
            } else if !is_whitespace(c) {
                self.bytes.truncate(start as usize);
                return None;
            }
        }
        self.pos = i;
        let (s, l) = self.span_from(start);
        Some(Token::Str(s, l))
    }

    /// An array whose items parse at `depth` (lopdf's `array(depth)`);
    /// `keep` stores its top-level items.
    fn array(&mut self, depth: usize, keep: bool) -> Lex<Token> {
        self.pos += 1;
        self.space();
        let start = self.items.len();
        loop {
            if depth == 0 {
                return Err(Stop);
            }
            if self.peek() == Some(b']') {
                break;
            }
            let t = self.object(depth - 1)?;
            if keep {
                self.items.push(t);
            }
            self.space();
        }
        self.pos += 1;
        Ok(self.close(start, keep, true))
    }

    /// A dictionary whose values parse at `depth` (lopdf's `_dictionary`).
    fn dict(&mut self, depth: usize, keep: bool) -> Lex<Token> {
        if !self.rest().starts_with(b"<<") {
            return Err(Stop);
        }
        self.pos += 2;
        self.space();
        let start = self.items.len();
        while self.peek() == Some(b'/') {
            let key = self.name();
            self.space();
            if depth == 0 {
                return Err(Stop);
            }
            let value = self.object(depth - 1)?;
            self.space();
            if keep {
                self.items.push(key);
                self.items.push(value);
            }
        }
        if !self.rest().starts_with(b">>") {
            return Err(Stop);
        }
        self.pos += 2;
        Ok(self.close(start, keep, false))
    }

    /// The token of a container whose kept items start at `start`.
    fn close(&mut self, start: usize, keep: bool, array: bool) -> Token {
        if !keep {
            return Token::Other;
        }
        let len = (self.items.len() - start) as u32;
        let start = start as u32;
        if array {
            Token::Array(start, len)
        } else {
            Token::Dict(start, len)
        }
    }

    /// A direct object inside a container (lopdf's `_direct_objects(depth)`).
    fn object(&mut self, depth: usize) -> Lex<Token> {
        let Some(c) = self.peek() else {
            return Err(Stop);
        };
        match c {
            b'n' | b't' | b'f' => {
                let t = self.keyword().ok_or(Stop)?;
                // `n` only reads `null`, `t`/`f` only booleans.
                match (c, t) {
                    (b'n', Token::Null) | (b't' | b'f', Token::Bool(_)) => Ok(t),
                    _ => Err(Stop),
                }
            }
            b'0'..=b'9' => {
                if let Some(n) = reference(self.rest()) {
                    self.pos += n;
                    return Ok(Token::Other);
                }
                self.number()
            }
            b'+' | b'-' | b'.' => self.number(),
            b'/' => Ok(self.name()),
            b'(' => self.literal(),
            b'<' => self.angle(depth, false),
            b'[' => self.array(depth, false),
            _ => Err(Stop),
        }
    }

    /// Stores an operation decoded by lopdf.
    fn convert(&mut self, op: &Operation) {
        for o in &op.operands {
            let t = match o {
                Object::Array(a) => {
                    let start = self.items.len();
                    for item in a {
                        let t = self.shallow(item);
                        self.items.push(t);
                    }
                    self.close(start, true, true)
                }
                Object::Dictionary(d) => {
                    let start = self.items.len();
                    for (k, v) in d.iter() {
                        let from = self.mark();
                        self.push_bytes(k);
                        let (s, l) = self.span_from(from);
                        self.items.push(Token::Name(s, l));
                        let t = self.shallow(v);
                        self.items.push(t);
                    }
                    self.close(start, true, false)
                }
                other => self.shallow(other),
            };
            self.operands.push(t);
        }
        let start = self.mark();
        self.push_bytes(op.operator.as_bytes());
        self.operator = self.span_from(start);
    }

    fn shallow(&mut self, o: &Object) -> Token {
        match o {
            Object::Null => Token::Null,
            Object::Boolean(b) => Token::Bool(*b),
            Object::Integer(i) => Token::Int(*i),
            Object::Real(r) => Token::Real(*r),
            Object::Name(n) | Object::String(n, _) => {
                let start = self.mark();
                self.push_bytes(n);
                let (s, l) = self.span_from(start);
                if matches!(o, Object::Name(_)) {
                    Token::Name(s, l)
                } else {
                    Token::Str(s, l)
                }
            }
            _ => Token::Other,
        }
    }
}

fn digits(b: &[u8]) -> usize {
    b.iter().take_while(|c| c.is_ascii_digit()).count()
}

fn sign(b: &[u8]) -> usize {
    usize::from(matches!(b.first(), Some(b'+' | b'-')))
}

/// lopdf's `real`: a sign, digits with a point, and any run of digits and
/// minus signs after (the minus signs ignored); its value and length.
fn real(b: &[u8]) -> Option<(f32, usize)> {
    let mut i = sign(b);
    let int = digits(b.get(i..)?);
    if int > 0 {
        i += int;
        if b.get(i) != Some(&b'.') {
            return None;
        }
        i += 1;
        i += digits(b.get(i..)?);
    } else {
        if b.get(i) != Some(&b'.') {
            return None;
        }
        i += 1;
        let frac = digits(b.get(i..)?);
        if frac == 0 {
            return None;
        }
        i += frac;
    }
    let tail_start = i;
    i += b
        .get(i..)?
        .iter()
        .take_while(|&&c| c == b'-' || c.is_ascii_digit())
        .count();
    let text = b.get(..i)?;
    let value = if b.get(tail_start..i)?.contains(&b'-') {
        let (first, rest) = text.split_at(1);
        let mut cleaned: Vec<u8> = first.to_vec();
        cleaned.extend(rest.iter().filter(|&&c| c != b'-'));
        std::str::from_utf8(&cleaned).ok()?.parse::<f32>().ok()?
    } else {
        std::str::from_utf8(text).ok()?.parse::<f32>().ok()?
    };
    Some((value, i))
}

/// The value of a run of ASCII digits, or `None` if it exceeds `u64`.
fn digits_value(d: &[u8]) -> Option<u64> {
    d.iter().try_fold(0u64, |v, &c| {
        v.checked_mul(10)?.checked_add(u64::from(c - b'0'))
    })
}

/// lopdf's `integer`: an optional sign and digits, within `i64`.
fn integer(b: &[u8]) -> Option<(i64, usize)> {
    let s = sign(b);
    let d = digits(b.get(s..)?);
    if d == 0 {
        return None;
    }
    let magnitude = digits_value(b.get(s..s + d)?)?;
    let value = if b.first() == Some(&b'-') {
        0i64.checked_sub_unsigned(magnitude)?
    } else {
        i64::try_from(magnitude).ok()?
    };
    Some((value, s + d))
}

/// lopdf's `reference` (`12 0 R`, with white space or comments between):
/// its length.
fn reference(b: &[u8]) -> Option<usize> {
    let mut lexer = Lexer::at_start(b);
    let n = digits(b);
    lexer.pos = n;
    lexer.space();
    let m = digits(lexer.rest());
    if n == 0 || m == 0 {
        return None;
    }
    u32::try_from(digits_value(b.get(..n)?)?).ok()?;
    u16::try_from(digits_value(lexer.rest().get(..m)?)?).ok()?;
    lexer.pos += m;
    lexer.space();
    if lexer.peek() != Some(b'R') {
        return None;
    }
    Some(lexer.pos + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A comparable rendering of an operand, nested containers flattened to
    /// `Other` as the lexer keeps them.
    fn show(o: Operand<'_>) -> String {
        match o {
            Operand::Null => "null".into(),
            Operand::Bool(b) => format!("{b}"),
            Operand::Int(i) => format!("i{i}"),
            Operand::Real(r) => format!("r{:08x}", r.to_bits()),
            Operand::Name(n) => format!("/{n:?}"),
            Operand::Str(s) => format!("({s:?})"),
            Operand::Array(items) => {
                let v: Vec<String> = items.iter().map(show).collect();
                format!("[{}]", v.join(" "))
            }
            Operand::Dict(items) => {
                // lopdf keeps a key once, at its first place, with its last value.
                let mut entries: Vec<(String, String)> = Vec::new();
                let mut it = items.iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    let (k, v) = (show(k), show(v));
                    match entries.iter_mut().find(|(key, _)| *key == k) {
                        Some(e) => e.1 = v,
                        None => entries.push((k, v)),
                    }
                }
                let v: Vec<String> = entries
                    .into_iter()
                    .map(|(k, v)| format!("{k} {v}"))
                    .collect();
                format!("<<{}>>", v.join(" "))
            }
            Operand::Other => "?".into(),
        }
    }

    fn show_lopdf(o: &Object, top: bool) -> String {
        match o {
            Object::Null => "null".into(),
            Object::Boolean(b) => format!("{b}"),
            Object::Integer(i) => format!("i{i}"),
            Object::Real(r) => format!("r{:08x}", r.to_bits()),
            Object::Name(n) => format!("/{:?}", n.as_slice()),
            Object::String(s, _) => format!("({:?})", s.as_slice()),
            Object::Array(a) if top => {
                let v: Vec<String> = a.iter().map(|i| show_lopdf(i, false)).collect();
                format!("[{}]", v.join(" "))
            }
            Object::Dictionary(d) if top => {
                let v: Vec<String> = d
                    .iter()
                    .map(|(k, v)| format!("/{:?} {}", k.as_slice(), show_lopdf(v, false)))
                    .collect();
                format!("<<{}>>", v.join(" "))
            }
            _ => "?".into(),
        }
    }

    fn ours(src: &[u8]) -> Vec<String> {
        let mut out = Vec::new();
        let mut lexer = Lexer::new(src);
        while let Some(op) = lexer.next_op() {
            let mut line = String::from_utf8_lossy(op.operator).into_owned();
            for i in 0..op.len() {
                line.push(' ');
                line.push_str(&show(op.get(i).unwrap()));
            }
            out.push(line);
        }
        out
    }

    fn theirs(src: &[u8]) -> Vec<String> {
        let mut out = Vec::new();
        for op in Content::decode_iter(src) {
            let Ok(op) = op else { break };
            let mut line = op.operator.clone();
            for o in &op.operands {
                line.push(' ');
                line.push_str(&show_lopdf(o, true));
            }
            out.push(line);
        }
        out
    }

    fn same(src: &[u8]) {
        assert_eq!(ours(src), theirs(src), "{:?}", String::from_utf8_lossy(src));
    }

    #[test]
    fn agrees_with_lopdf_on_ordinary_streams() {
        same(b"BT /F1 10 Tf 100 700 Td (Hi) Tj [(A) -1000 (B) 12.5] TJ 0 -12 Td (x) Tj ET");
        same(b"q 1 0 0 1 0 0 cm 0.5 w 10 20 m 200 20 l S Q 0 0 0 rg 300 300 50 50 re f*");
        same(b"/P <</MCID 3 /Lang (en-GB) /MCID 4>> BDC (a) ' 1 2 (b) \" EMC /Artifact BMC EMC");
        same(b"<00410042> Tj < 4 1 4 > Tj <414> Tj /Im#201 Do /A#zz Do");
        same(b"% comment\n  BT\r\n%another\r ET % trailing");
        same(b"(a\\(b\\)c \\101\\60\\7777 \\n\\r\\t\\b\\f\\\\ \\q\\\r\nd\re\r\nf (nested (deep)) ) Tj");
        same(b"[(a) [1 2] <<>> 3 0 R 4 0R true false null /N] TJ 1.5.5 Td -.5 +.5 5. Tz");
        same(b"0.00-4142502 1.5-3 -1-2 Td 5-3 Td");
    }

    #[test]
    fn agrees_with_lopdf_where_streams_break() {
        for s in [
            &b"(unterminated Tj"[..],
            b"1 2 %c\n Td (x) Tj",
            b"99999999999999999999 Tz (x) Tj",
            b"-9223372036854775808 Tz (x) Tj",
            b"nullify trueX falsey n (x) Tj",
            b"1 2 ] Td",
            b"<zz> Tj",
            b"[1 /a (b) <<>> Tj",
            b"<< /A 1 /B >> BDC",
            b"\\ Tj",
            b"(a\\",
            b"BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI Q (after) Tj",
            b"q BI /W 2 ID xx EI (after) Tj",
            b"{ } Tj",
            b"1 0 obj",
            b"d0 d1 T* 12 TL 1e5 Tz",
        ] {
            same(s);
        }
    }

    #[test]
    fn nesting_limits_are_lopdf_s() {
        for n in [99, 100, 101, 102] {
            let arr = format!("{}{} TJ (x) Tj", "[".repeat(n), "]".repeat(n));
            same(arr.as_bytes());
            let dict = format!("/P {}1{} BDC (x) Tj", "<</A ".repeat(n), ">>".repeat(n));
            same(dict.as_bytes());
            let empty = format!("/P {}<<>>{} BDC (x) Tj", "<</A ".repeat(n), ">>".repeat(n));
            same(empty.as_bytes());
            let parens = format!("({}{}) Tj (x) Tj", "(".repeat(n), ")".repeat(n));
            same(parens.as_bytes());
        }
    }

    #[test]
    fn agrees_with_lopdf_on_random_token_soup() {
        const PIECES: &[&[u8]] = &[
            b" ", b"\n", b"\r", b"\r\n", b"\t", b"%c\n", b"%", b"0", b"1", b"-", b"+", b".", b"12",
            b"3.5", b"R", b"/", b"/Na", b"#4", b"#", b"(", b")", b"\\", b"\\1", b"\\\n", b"<",
            b">", b"<<", b">>", b"[", b"]", b"a", b"Tj", b"TJ", b"T*", b"'", b"\"", b"null",
            b"true", b"f", b"BI", b"ID", b"EI", b"{", b"\x00", b"\xff", b"e", b"4",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut ops = 0;
        for _ in 0..20_000 {
            let len = (next() % 24) as usize;
            let mut s = Vec::new();
            for _ in 0..len {
                s.extend_from_slice(PIECES[(next() % PIECES.len() as u64) as usize]);
                if next() % 2 == 0 {
                    s.push(b' ');
                }
                if next() % 4 == 0 {
                    s.extend_from_slice(b"Tj ");
                }
            }
            same(&s);
            ops += theirs(&s).len();
        }
        // The soup must exercise real operations, not only early failures.
        assert!(ops > 10_000, "{ops}");
    }
}
