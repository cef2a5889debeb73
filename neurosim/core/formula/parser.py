"""An activation formula read by a grammar of our own — never ``eval``: numbers, z, named
parameters, + − × ÷ ^ (or **), parentheses, comparisons inside where/if, and the functions of
:data:`~neurosim.core.formula.nodes.FUNCTIONS`. Errors name the column:
"unknown function 'expp' at column 5; did you mean exp?".

    expr    := term (("+" | "-") term)*
    term    := unary (("*" | "/") unary)*
    unary   := "-" unary | power
    power   := atom ("^" unary)?
    atom    := NUMBER | NAME | NAME "(" args ")" | "(" expr ")"
    args    := arg ("," arg)*      arg := expr (COMPARISON expr)?
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass

from neurosim.core.formula.nodes import (
    COMPARISONS,
    FUNCTIONS,
    Bin,
    Call,
    Compare,
    Name,
    Neg,
    Node,
    Num,
    size,
)

MAX_LENGTH = 400  # characters
MAX_DEPTH = 30  # nested parentheses, calls and operators
MAX_NODES = 200
NAME = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")
NUMBER = re.compile(r"(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
#: what people type that means one of our symbols
SYNONYMS = {"×": "*", "·": "*", "÷": "/", "−": "-", "**": "^", "≤": "<=", "≥": ">=", "≠": "!="}
SYMBOLS = ("**", "<=", ">=", "==", "!=", "+", "-", "*", "/", "^", "(", ")", ",", "<", ">")


class FormulaError(ValueError):
    """A formula that is refused; ``column`` (1-based) points at the problem, if one spot."""

    def __init__(self, message: str, column: int | None = None, hint: str = "") -> None:
        where = "" if column is None else f" at column {column}"
        super().__init__(f"{message}{where}" + (f"; {hint}" if hint else ""))
        self.column = column
        #: the message without its column and hint, and the hint ("did you mean exp?")
        self.message, self.hint = message, hint


@dataclass(frozen=True)
class Token:
    kind: str  # "num", "name", "sym", "end"
    text: str
    column: int


def tokens(text: str) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        column = i + 1
        if m := NUMBER.match(text, i):
            out.append(Token("num", m.group(), column))
            i = m.end()
        elif m := NAME.match(text, i):
            out.append(Token("name", m.group(), column))
            i = m.end()
        elif sym := next((s for s in (*SYNONYMS, *SYMBOLS) if text.startswith(s, i)), None):
            out.append(Token("sym", SYNONYMS.get(sym, sym), column))
            i += len(sym)
        else:
            raise FormulaError(f"unexpected character {ch!r}", column)
    out.append(Token("end", "", len(text) + 1))
    return out


class _Parser:
    def __init__(self, text: str, params: tuple[str, ...]) -> None:
        self.toks = tokens(text)
        self.pos = 0
        self.params = params
        self.depth = 0

    @property
    def tok(self) -> Token:
        return self.toks[self.pos]

    def take(self, text: str) -> bool:
        if self.tok.kind == "sym" and self.tok.text == text:
            self.pos += 1
            return True
        return False

    def expect(self, text: str, what: str) -> None:
        if not self.take(text):
            found = "the end" if self.tok.kind == "end" else repr(self.tok.text)
            raise FormulaError(f"expected {what}, found {found}", self.tok.column)

    def nested(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise FormulaError(f"the formula nests deeper than {MAX_DEPTH} levels", self.tok.column)

    def expr(self) -> Node:
        self.nested()
        node = self.term()
        while self.tok.kind == "sym" and self.tok.text in "+-":
            op = self.tok.text
            self.pos += 1
            node = Bin(op, node, self.term())
        self.depth -= 1
        return node

    def term(self) -> Node:
        node = self.unary()
        while self.tok.kind == "sym" and self.tok.text in ("*", "/"):
            op = self.tok.text
            self.pos += 1
            node = Bin(op, node, self.unary())
        return node

    def unary(self) -> Node:
        if self.take("-"):
            self.nested()
            node = Neg(self.unary())
            self.depth -= 1
            return node
        if self.take("+"):
            return self.unary()
        return self.power()

    def power(self) -> Node:
        base = self.atom()
        if self.take("^"):
            self.nested()
            node = Bin("^", base, self.unary())  # right-associative: 2^3^2 = 2^9
            self.depth -= 1
            return node
        return base

    def atom(self) -> Node:
        tok = self.tok
        if tok.kind == "num":
            self.pos += 1
            value = float(tok.text)
            if not math.isfinite(value):
                raise FormulaError(f"the number {tok.text} is too large", tok.column)
            return Num(value)
        if tok.kind == "name":
            self.pos += 1
            if self.take("("):
                return self.call(tok)
            return self.name(tok)
        if self.take("("):
            node = self.expr()
            self.expect(")", "')'")
            return node
        found = "the end of the formula" if tok.kind == "end" else repr(tok.text)
        raise FormulaError(f"expected a number, z, a parameter or '(', found {found}", tok.column)

    def name(self, tok: Token) -> Node:
        if tok.text in ("pi", "e") and tok.text not in self.params:
            return Num(math.pi if tok.text == "pi" else math.e)
        if tok.text == "z" or tok.text in self.params:
            return Name(tok.text)
        if tok.text in FUNCTIONS:
            raise FormulaError(f"{tok.text} is a function: write {tok.text}(…)", tok.column)
        known = ["z", *self.params]
        hint = difflib.get_close_matches(tok.text, known, n=1)
        more = f"did you mean {hint[0]}?" if hint else f"the names are {', '.join(known)}"
        raise FormulaError(f"unknown name {tok.text!r}", tok.column, more)

    def call(self, tok: Token) -> Node:
        fn = tok.text
        if fn not in FUNCTIONS:
            hint = difflib.get_close_matches(fn, list(FUNCTIONS), n=1)
            more = f"did you mean {hint[0]}?" if hint else f"known: {', '.join(FUNCTIONS)}"
            raise FormulaError(f"unknown function {fn!r}", tok.column, more)
        self.nested()
        args = [self.argument(fn == "where" or fn == "if")]
        while self.take(","):
            args.append(self.argument(False))
        self.expect(")", "',' or ')'")
        self.depth -= 1
        if len(args) != FUNCTIONS[fn]:
            raise FormulaError(
                f"{fn} takes {FUNCTIONS[fn]} argument{'s' if FUNCTIONS[fn] > 1 else ''}, "
                f"not {len(args)}",
                tok.column,
            )
        if fn in ("where", "if") and not isinstance(args[0], Compare):
            raise FormulaError(f"{fn}'s first argument is a comparison, such as z > 0", tok.column)
        return Call("where" if fn == "if" else fn, tuple(args))

    def argument(self, comparison: bool) -> Node:
        left = self.expr()
        if self.tok.kind == "sym" and self.tok.text in COMPARISONS:
            if not comparison:
                raise FormulaError(
                    "a comparison goes only first in where(…) or if(…)", self.tok.column
                )
            op = self.tok.text
            self.pos += 1
            return Compare(op, left, self.expr())
        return left


def parse(text: str, params: tuple[str, ...] = ()) -> Node:
    """The tree of ``text``, a formula in z and ``params``; FormulaError says what is wrong."""
    if not isinstance(text, str):
        raise FormulaError(f"a formula is text, not {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise FormulaError(f"the formula is {len(text):,} characters long; at most {MAX_LENGTH}")
    if not text.strip():
        raise FormulaError("the formula is empty")
    parser = _Parser(text, params)
    node = parser.expr()
    if parser.tok.kind != "end":
        raise FormulaError(f"unexpected {parser.tok.text!r}", parser.tok.column)
    if size(node) > MAX_NODES:
        raise FormulaError(f"the formula has more than {MAX_NODES} parts")
    return node
