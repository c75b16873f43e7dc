"""Citations of U.S. court opinions: every citation, its pins and its
authority, with spans into the original text.

Every call that reads opinions releases the GIL while it works;
``extract_many`` reads its texts on all cores.
"""

from os import PathLike
from typing import Iterable, Literal, Mapping, Optional, Sequence, Tuple, TypedDict, Union

__version__: str

Text = Union[str, bytes]
"""An opinion: a ``str``, or ``bytes`` checked as UTF-8 text."""

Path = Union[str, "PathLike[str]"]

class Pin(TypedDict, total=False):
    """A pinpoint: a page, a range's last page, a footnote; ``unit`` is
    present for a star page ("star") or a paragraph ("paragraph")."""

    page: Optional[int]
    end: Optional[int]
    footnote: Optional[int]
    unit: str

class History(TypedDict):
    """Subsequent history: the relation ("aff'd") and the case it is of."""

    relation: str
    of: Optional[str]

class Error(Exception):
    """An opinion or an index that could not be read. The message is the
    command line's: ``path: what went wrong``."""

class CopyWarning(UserWarning):
    """Issued by ``toa`` for each text it counts once as a copy of another
    given with it (the same docket, name and citations, or the same text);
    the message is what ``pincite toa`` says on standard error: ``b.txt:
    the same text as a.txt; counted once, from a.txt (keep_copies=True
    counts every file)``. ``warnings.simplefilter("ignore", CopyWarning)``
    silences it."""

class Citation:
    """One citation: the fields of ``pincite extract``'s JSON.

    ``span`` indexes the text given in characters
    (``text[c.span[0]:c.span[1]] == c.text``); ``byte_span`` is the same
    span in the text's UTF-8 bytes (the JSON's ``span``).
    """

    kind: str
    """The form: "full_case", "short_case", "id", "supra", "internal",
    "statute", "record", "reference", "constitution", "rule",
    "regulation", "journal", "secondary", "legislative"."""
    span: Tuple[int, int]
    byte_span: Tuple[int, int]
    text: str
    """The citation as written."""
    authority: Optional[str]
    """What it cites ("424 U.S. 409"), resolved for Id., supra and short
    forms; ``None`` when unresolved."""
    pins: list[Pin]
    volume: Optional[int]
    reporter: Optional[str]
    first_page: Optional[int]
    case_name: Optional[str]
    court: Optional[str]
    court_id: Optional[str]
    year: Optional[int]
    signal: Optional[str]
    parenthetical: Optional[str]
    section: str
    """The part of the opinion it is in: "syllabus", "opinion", ..."""
    slip_page: Optional[int]
    warnings: list[str]
    author: Optional[str]
    title: Optional[str]
    nominative: Optional[str]
    history: Optional[History]
    candidates: Optional[list[str]]
    def to_dict(self) -> dict:
        """The fields as a new dict (keys as above; ``author``, ``title``,
        ``nominative``, ``history`` and ``candidates`` only when set, as in
        the JSON)."""

class Finding:
    """One problem ``verify`` found: the fields of ``pincite verify
    --format jsonl``, ``span`` in characters and ``byte_span`` in bytes."""

    span: Tuple[int, int]
    byte_span: Tuple[int, int]
    line: int
    """1-based line of the start."""
    col: int
    """1-based column (in characters) of the start."""
    severity: Literal["error", "warning"]
    code: str
    """A stable name: "short-cite-mismatch", "pin-before-first-page", ..."""
    message: str
    authority: Optional[str]
    def to_dict(self) -> dict:
        """The fields as a new dict."""

class Hit:
    """One citation found in an ``Index``: the fields of ``pincite
    query``'s JSON, with its line, column and case name."""

    file: str
    byte_span: Tuple[int, int]
    line: int
    col: int
    slip_page: Optional[int]
    section: str
    kind: str
    authority: Optional[str]
    pins: list[Pin]
    case_name: Optional[str]
    context: str
    """The sentence around it in the reading text."""
    quotation: Optional[str]
    """The quotation it supports, when one precedes it in its sentence."""
    def to_dict(self) -> dict:
        """The fields as a new dict."""

def extract(text: Text) -> list[Citation]:
    """Every citation of an opinion, in document order, resolved (Id.,
    supra and short forms name the authority they refer to).

    ``bytes`` are checked as ``pincite extract`` checks a file; a PDF or
    bytes that are not UTF-8 raise ``Error``.
    """

def extract_many(texts: Iterable[Text]) -> list[list[Citation]]:
    """The citations of many opinions, one list per text in the order
    given, read on all cores (``RAYON_NUM_THREADS`` sets how many) without
    the GIL."""

def normalize(text: Text, form: Optional[str] = None) -> str:
    """The reading text, as ``pincite normalize`` prints it. ``form``
    ("paragraph-per-line", "hard-wrapped", "pdf-raw", "pdf-layout")
    overrides the detected input form."""

def verify(text: Text) -> list[Finding]:
    """The problems ``pincite verify`` finds in an opinion's citations."""

def annotate_html(text: Text, title: str = "opinion") -> str:
    """The opinion as a standalone HTML page with its citations marked."""

def toa(
    docs: Union[Text, Mapping[str, Text], Iterable[Tuple[str, Text]]],
    format: Literal["md", "csv", "json", "html"] = "md",
    omit: Sequence[str] = (),
    keep_copies: bool = False,
) -> str:
    """The table of authorities of one or more opinions (one text, a dict
    of names to texts, or pairs), as ``pincite toa`` prints it. ``omit``
    names headings to leave out ("record", "case", "constitution",
    "statute", "rule", "regulation", "other"); a copy of an opinion given
    counts once unless ``keep_copies``, and each copy left out is said in a
    ``CopyWarning`` (as the command line says it on standard error)."""

def read(path: Path, max_size: Optional[int] = None) -> str:
    """An opinion file's text, checked as ``pincite extract`` checks it
    (at most ``max_size`` bytes, 256 MiB by default). Raises ``Error``."""

def read_files(paths: Sequence[Path], max_size: Optional[int] = None) -> list[Tuple[str, str]]:
    """``(path, text)`` of the files at ``paths`` (a directory stands for
    its ``.txt`` files), in order, read on all cores. Raises ``Error`` for
    the first that cannot be read."""

class Index:
    """A citation index over many opinions: pincite's SQLite database.

    ``Index()`` is empty and in memory; ``Index.open(path)`` opens the
    database ``pincite index -o FILE`` writes (made when missing), and what
    is added to it is written there. ``add`` and ``add_files`` give it
    opinions (read on all cores).
    """

    def __init__(self, docs: Optional[Iterable[Tuple[str, Text]]] = None) -> None: ...
    @staticmethod
    def open(path: Path) -> "Index":
        """Opens (or makes) an index database; raises ``Error`` with the
        command line's message when the file is no index of this version."""
    def add(self, name: str, text: Text) -> None:
        """Adds an opinion by name and text, or replaces the one of that
        name."""
    def add_files(self, paths: Sequence[Path], max_size: Optional[int] = None) -> int:
        """Adds the opinion files at ``paths``, named by their paths;
        returns how many. Raises ``Error`` (and adds none) when one cannot
        be read."""
    def query(
        self,
        authority: Optional[str] = None,
        *,
        name: Optional[str] = None,
        pin: Optional[int] = None,
        slip_page: Optional[int] = None,
        kind: Optional[str] = None,
        limit: Optional[int] = None,
        offset: int = 0,
    ) -> list[Hit]:
        """The citations matching every condition given, file by file in
        document order. ``authority`` is what a user types ("424 U.S.
        409", "42 USC 1983", "§1983", a case name). ``limit`` and
        ``offset``: at most ``limit`` of them after the first ``offset``."""
    def count(
        self,
        authority: Optional[str] = None,
        *,
        name: Optional[str] = None,
        pin: Optional[int] = None,
        slip_page: Optional[int] = None,
        kind: Optional[str] = None,
    ) -> int:
        """How many citations match, in all."""
    def counts(
        self,
        authority: Optional[str] = None,
        *,
        name: Optional[str] = None,
        pin: Optional[int] = None,
        slip_page: Optional[int] = None,
        kind: Optional[str] = None,
    ) -> list[Tuple[str, int]]:
        """``(file, count)`` of the matching citations, most first."""
    def authorities(self) -> list[Tuple[str, int, int]]:
        """``(authority, citations, files)``, most cited first."""
    @property
    def files(self) -> list[str]:
        """The opinions' names, in the order added."""
    def __len__(self) -> int:
        """The number of citations indexed."""

class Metadata(TypedDict):
    """What an opinion's caption says, as written."""

    case_name: Optional[str]
    docket: Optional[str]
    date: Optional[str]

def metadata(text: Text) -> Metadata:
    """The case name, docket number and decision date of an opinion's
    caption, as written (``None`` for what it lacks)."""
