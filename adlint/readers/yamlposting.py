"""YAML posting reader: a mapping of metadata plus a Markdown ``description``.

The description is read as Markdown on its own, then every offset is carried
back into the YAML file: each line of the decoded value is found again in the
file's lines (block scalars keep lines intact; only indentation differs).
"""

from __future__ import annotations

from adlint.positions import TextMap
from adlint.posting import Comment, Posting, Problem, TextRun
from adlint.readers import normalise_metadata, yamlmeta


def _line_map(posting: Posting, value: str, start: int) -> TextMap:
    """Map a multi-line YAML string value to file offsets, line by line from ``start``."""
    lines = posting.lines
    tm = TextMap()
    line_no, _ = lines.position(start)
    n = line_no
    for i, part in enumerate(value.split("\n")):
        found = None
        while n <= lines.line_count:
            src = lines.line_text(n)
            col = src.find(part) if part else len(src) - len(src.lstrip())
            base = lines.starts[n - 1]
            n += 1
            if col >= 0 and (not part or base + col >= start):
                found = base + col
                break
        if found is None:  # folded or escaped scalar: pin the rest to the value's start
            rest = "\n".join(value.split("\n")[i:])
            if i:
                tm.add("\n", start, start)
            tm.add(rest, start, start + 1, literal=False)
            return tm
        if i:
            tm.add("\n", found, found)
        tm.add(part, found, found + len(part))
    return tm


def read_yaml(posting: Posting) -> None:
    """Fill ``posting`` from a YAML posting file."""
    from adlint.readers.markdown import metadata_title, read_markdown

    text = posting.source
    for body, a, b in yamlmeta.directive_comments(text, 0):
        posting.comments.append(Comment(body, a, b))
    try:
        node = yamlmeta.compose(text)
        if node is None:
            posting.problems.append(Problem("parse", "the YAML document is empty"))
            return
        fields = yamlmeta.mapping_fields(node, 0, "front-matter")
    except yamlmeta.YamlError as exc:
        posting.problems.append(yamlmeta.problem(exc, 1, "invalid YAML posting"))
        return
    desc = fields.pop("description", None)
    normalise_metadata(fields, posting)
    posting.title = metadata_title(posting)
    if desc is None or not isinstance(desc.value, str):
        posting.problems.append(Problem("parse", "a YAML posting needs a 'description' string holding the Markdown body"))
        return
    outer = _line_map(posting, desc.value, desc.span[0] if desc.span else 0)
    inner = Posting(path=posting.path, format="markdown", source=desc.value)
    read_markdown(inner)
    for section in inner.sections:
        if section.heading is not None:
            m = section.heading.map.compose(outer)
            section.heading = TextRun(m.text, m)
        for block in section.blocks:
            m = block.run.map.compose(outer)
            block.run = TextRun(m.text, m)
        section.start = outer.source(section.start)
        section.end = outer.source(section.end, end=True)
    posting.sections = inner.sections
    for c in inner.comments:
        a, b = outer.span(c.start, c.end)
        posting.comments.append(Comment(c.text, a, b))
