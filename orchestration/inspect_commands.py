"""`scr extract`, `scr classify` and `scr evaluate`: extraction for one person at a terminal."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ingestion.errors import UsageError
from orchestration.settings import PROJECT_ROOT

DEFAULT_EVALUATION_OUT = PROJECT_ROOT / "benchmarks" / "results" / "evaluation.json"


def add_commands(commands: argparse._SubParsersAction) -> None:
    extract = commands.add_parser(
        "extract",
        help="print one document's extracted records",
        description=(
            "Read, segment and code one report and print what the pipeline would load: the "
            "review's characteristics, its case themes and its recommendations with agency, "
            "themes, layer and provenance (page, character span). Nothing is written."
        ),
    )
    extract.add_argument("file", type=Path, help="a report: PDF, DOCX, HTML, Markdown or text")
    extract.add_argument("--json", action="store_true", help="one JSON object instead of a listing")
    extract.set_defaults(handler=_extract)

    classify = commands.add_parser(
        "classify",
        help="code recommendations read as JSON lines on stdin",
        description=(
            'Read lines {"id": ..., "text": ...} on stdin and write lines {"id", "agency_code", '
            '"theme_codes", "layer_code", "confidence"} in the codebook\'s codes, coding each '
            "recommendation alone (no heading or document to go on)."
        ),
    )
    classify.set_defaults(handler=_classify)

    evaluate = commands.add_parser(
        "evaluate",
        help="measure extraction against ground truth",
        description=(
            "Extract every document named in a truth file (JSON lines as in corpus/sample/"
            "truth.jsonl) and print precision, recall and F1 per field; write them as JSON."
        ),
    )
    evaluate.add_argument("--docs", type=Path, help="folder holding the documents")
    evaluate.add_argument("--truth", type=Path, help="truth.jsonl")
    evaluate.add_argument(
        "--real",
        action="store_true",
        help="instead, cross-validate the learned coder on the real labelled set (five folds "
        "grouped by document), print per-code precision, recall and F1, and write them to the "
        "seed behind reporting.coder_performance",
    )
    evaluate.add_argument("--realdocs", type=Path, help="folder of the real documents (--real)")
    evaluate.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_EVALUATION_OUT,
        help="where to write the JSON (default: "
        f"{DEFAULT_EVALUATION_OUT.relative_to(PROJECT_ROOT)})",
    )
    evaluate.set_defaults(handler=_evaluate)


def _extract(args: argparse.Namespace) -> int:
    from ingestion.as_json import extraction_as_dict
    from ingestion.extract import StageFailed, analyse_document
    from ingestion.readers import UnreadableDocument

    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {args.file}: {exc.strerror}") from exc
    try:
        record = extraction_as_dict(analyse_document(data, args.file.name), str(args.file))
    except (UnreadableDocument, StageFailed) as exc:
        reason = getattr(exc, "reason", None) or str(exc)
        print(f"scr extract: {args.file} would be quarantined: {reason}", file=sys.stderr)
        return 1
    if args.json:
        json.dump(record, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(_listing(record))
    return 0


def _listing(record: dict) -> str:
    review = record["review"]
    lines = [
        f"{record['path']}: {review['title'] or '(no title)'}",
        f"  outcome {review['outcome']}, child {review['child_sex']}, "
        f"age {years_and_months(review['child_age_years'])} ({review['age_band']}), "
        f"area {review['area']}, "
        f"year {review['year']}",
        f"  case themes: {', '.join(record['case_themes']) or '-'}",
        f"  {review['recommendation_count']} recommendations:",
    ]
    for rec in record["recommendations"]:
        lines.append(
            f"  [{rec['label']}] p{rec['page']} {rec['section']}/{rec['agency_code']} "
            f"{rec['layer_code']} {','.join(rec['theme_codes']) or '-'}: {rec['text'][:90]}"
        )
    lines.extend(f"  {i['severity']}: {i['message']}" for i in record["issues"])
    return "\n".join(lines)


def years_and_months(age: float | None) -> str:
    """An age as a person writes it: '3 months', '2 years 5 months', '-' when unknown."""
    if age is None:
        return "-"
    months = round(age * 12)
    years, months = divmod(months, 12)
    parts = [f"{years} year{'s' * (years != 1)}"] * bool(years)
    parts += [f"{months} month{'s' * (months != 1)}"] * bool(months or not years)
    return " ".join(parts)


def _classify(args: argparse.Namespace) -> int:
    from ingestion.codebook import load_codebook
    from ingestion.coding.classify import classify_recommendation

    codebook = load_codebook()
    status = 0
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        text, problem = _classify_input(line)
        if problem:
            print(f"scr classify: line {number}: {problem}", file=sys.stderr)
            status = 2
            continue
        item = json.loads(line)
        coded = classify_recommendation(text, codebook)
        print(json.dumps({"id": item.get("id"), **coded}, ensure_ascii=False))
    return status


def _classify_input(line: str) -> tuple[str, str | None]:
    """The text to code from one input line, or why the line cannot be coded."""
    try:
        item = json.loads(line)
    except ValueError:
        return "", 'not JSON: give one object per line, e.g. {"id": 1, "text": "..."}'
    if not isinstance(item, dict):
        return "", 'not a JSON object: give {"id": ..., "text": ...}'
    if "text" not in item:
        return "", "missing field 'text'"
    text = item["text"]
    if not isinstance(text, str):
        return "", f"field 'text' must be a string, not {type(text).__name__}"
    if not text.strip():
        return "", "field 'text' is empty: give the recommendation's wording"
    return text, None


def read_truth(truth: Path) -> list[dict]:
    """The truth file's records; a missing file or a bad line is a usage error naming it."""
    if not truth.is_file():
        raise UsageError(f"truth file {truth} does not exist: give a truth.jsonl")
    records = []
    for number, line in enumerate(truth.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            raise UsageError(f"{truth} line {number}: not JSON") from None
        if not isinstance(record, dict) or not isinstance(record.get("file"), str):
            raise UsageError(f"{truth} line {number}: missing field 'file'")
        records.append(record)
    if not records:
        raise UsageError(f"{truth} holds no records: nothing to evaluate")
    return records


def evaluate_corpus(docs: Path, truth: Path, progress: bool = False) -> dict:
    """Extract every document named in `truth` and score it against the truth, as a dict."""
    from ingestion.as_json import extraction_as_dict
    from ingestion.evaluation import Evaluation, evaluate_document
    from ingestion.extract import StageFailed, analyse_document
    from ingestion.readers import UnreadableDocument

    if not docs.is_dir():
        raise UsageError(f"documents folder {docs} does not exist or is not a folder")
    truths = read_truth(truth)
    missing = [t["file"] for t in truths if not (docs / t["file"]).is_file()]
    if len(missing) == len(truths):
        raise UsageError(
            f"none of the {len(truths)} files named in {truth} is in {docs} (e.g. {missing[0]}): "
            "give the folder the truth file describes"
        )
    result = Evaluation()
    for number, expected in enumerate(truths, start=1):
        path = docs / expected["file"]
        try:
            data = path.read_bytes()
            extracted = extraction_as_dict(analyse_document(data, path.name), expected["file"])
        except (OSError, UnreadableDocument, StageFailed) as exc:
            print(f"scr evaluate: {path}: {exc}", file=sys.stderr)
            extracted = None
        evaluate_document(result, extracted, expected)
        if progress and (number % 25 == 0 or number == len(truths)):
            print(f"evaluated {number}/{len(truths)}", file=sys.stderr)
    return result.as_dict()


def _evaluate(args: argparse.Namespace) -> int:
    if args.real:
        return _evaluate_real(args)
    if args.docs is None or args.truth is None:
        raise UsageError("give --docs and --truth (or --real for the learned coder)")
    evaluation = evaluate_corpus(args.docs, args.truth, progress=True)
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot write {args.out}: {exc.strerror}") from exc
    args.out.write_text(json.dumps(evaluation, indent=2, sort_keys=True) + "\n")
    print(render_evaluation(evaluation))
    print(f"written: {args.out}")
    return 0


def _evaluate_real(args: argparse.Namespace) -> int:
    from orchestration.coder_training import (
        PERFORMANCE_PATH,
        evaluate_coder,
        performance_csv,
        render_performance,
    )
    from orchestration.coding_commands import realdocs_dir

    rows = evaluate_coder(
        args.realdocs or realdocs_dir(), progress=lambda m: print(m, file=sys.stderr)
    )
    out = args.out if args.out != DEFAULT_EVALUATION_OUT else PERFORMANCE_PATH
    out.write_text(performance_csv(rows), encoding="utf-8")
    print(render_performance(rows))
    print(f"written: {out}")
    return 0


def render_evaluation(evaluation: dict) -> str:
    rows = [("field", "precision", "recall", "F1 / accuracy", "n")]
    for name in ("recommendations", "theme_codes", "case_themes", "action_plan_items"):
        s = evaluation[name]
        n = s["true_positive"] + s["false_negative"]
        rows.append((name, f"{s['precision']:.4f}", f"{s['recall']:.4f}", f"{s['f1']:.4f}", str(n)))
    for name, s in evaluation["accuracy"].items():
        rows.append((f"{name} (accuracy)", "", "", f"{s['accuracy']:.4f}", str(s["total"])))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows
    )
