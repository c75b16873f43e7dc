"""Citations of a whole corpus of opinions on Apache Spark.

Reads opinions from a directory tree of text files, or from a CSV or
Parquet table with an id and a text column (as CourtListener's bulk data
has), runs pincite on each partition, writes the citations as Parquet
partitioned by kind, and answers three scholar's questions in Spark SQL.

    python examples/spark/pincite_spark.py --input corpus/ --output out/
    python examples/spark/pincite_spark.py --input opinions.parquet \\
        --id-column id --text-column plain_text --date-column date_filed \\
        --output out/ --case "424 U.S. 409"
    spark-submit --master yarn examples/spark/pincite_spark.py ...

Every executor needs the `pincite` wheel installed (`pip install ./python`,
or ship the wheel with `--py-files`/a packed virtualenv: see the README).

Output, under --output:
    citations/kind=full_case/part-*.parquet, ...   one row per citation
    errors/                                         texts that could not be read
"""

import argparse
import os
import re
import sys

import pandas as pd
from pyspark import TaskContext
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import (
    ArrayType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
)

PIN = StructType(
    [
        StructField("page", LongType()),
        StructField("end", LongType()),
        StructField("footnote", LongType()),
        StructField("unit", StringType()),
    ]
)

# One row per citation: the opinion it is in, then the fields of
# `pincite extract`'s JSON (span as start/end in characters and bytes).
CITATIONS = StructType(
    [
        StructField("id", StringType()),
        StructField("opinion_year", IntegerType()),
        StructField("seq", IntegerType()),
        StructField("kind", StringType()),
        StructField("start", LongType()),
        StructField("end", LongType()),
        StructField("byte_start", LongType()),
        StructField("byte_end", LongType()),
        StructField("text", StringType()),
        StructField("authority", StringType()),
        StructField("pins", ArrayType(PIN)),
        StructField("volume", LongType()),
        StructField("reporter", StringType()),
        StructField("first_page", LongType()),
        StructField("case_name", StringType()),
        StructField("court", StringType()),
        StructField("court_id", StringType()),
        StructField("year", LongType()),
        StructField("signal", StringType()),
        StructField("parenthetical", StringType()),
        StructField("section", StringType()),
        StructField("slip_page", LongType()),
        StructField("warnings", ArrayType(StringType())),
        StructField("author", StringType()),
        StructField("title", StringType()),
        StructField("nominative", StringType()),
        StructField("history_relation", StringType()),
        StructField("history_of", StringType()),
        StructField("candidates", ArrayType(StringType())),
    ]
)

# The columns every partition function gets: id, text (str or bytes) and
# the opinion's year when the table has a date.
INPUT_COLUMNS = ["id", "text", "opinion_year"]

YEAR = re.compile(r"\b(1[6-9][0-9]{2}|20[0-9]{2})\b")


def year_of(date):
    """The year of a date as written ("February 22, 2023", "2023-02-22")."""
    if date is None:
        return None
    found = YEAR.search(str(date))
    return int(found.group(1)) if found else None


def citation_row(doc_id, year, seq, c):
    """One citation as a row of CITATIONS."""
    d = c.to_dict()
    history = d.get("history") or {}
    pins = [
        {"page": p.get("page"), "end": p.get("end"), "footnote": p.get("footnote"), "unit": p.get("unit", "page")}
        for p in d["pins"]
    ]
    return {
        "id": doc_id,
        "opinion_year": year,
        "seq": seq,
        "kind": d["kind"],
        "start": d["span"][0],
        "end": d["span"][1],
        "byte_start": d["byte_span"][0],
        "byte_end": d["byte_span"][1],
        "text": d["text"],
        "authority": d["authority"],
        "pins": pins,
        "volume": d["volume"],
        "reporter": d["reporter"],
        "first_page": d["first_page"],
        "case_name": d["case_name"],
        "court": d["court"],
        "court_id": d["court_id"],
        "year": d["year"],
        "signal": d["signal"],
        "parenthetical": d["parenthetical"],
        "section": d["section"],
        "slip_page": d["slip_page"],
        "warnings": d["warnings"],
        "author": d.get("author"),
        "title": d.get("title"),
        "nominative": d.get("nominative"),
        "history_relation": history.get("relation"),
        "history_of": history.get("of"),
        "candidates": d.get("candidates"),
    }


def read_batch(pincite, texts):
    """The citations of each text, on all the executor's cores; a text
    that cannot be read gives its message instead (the others are kept)."""
    try:
        return [(cites, None) for cites in pincite.extract_many(texts)]
    except pincite.Error:
        out = []
        for t in texts:
            try:
                out.append((pincite.extract(t), None))
            except pincite.Error as e:
                out.append(([], str(e)))
        return out


def opinion_years(pincite, batch):
    """Each opinion's year: from the table's date, else its caption's date."""
    years = []
    for text, year in zip(batch["text"], batch["opinion_year"]):
        if year is None or pd.isna(year):
            try:
                year = year_of(pincite.metadata(text)["date"])
            except pincite.Error:
                year = None
        years.append(None if year is None else int(year))
    return years


def citations_of_batches(batches):
    """mapInPandas: batches of (id, text, opinion_year) to citation rows and
    error rows (told apart by `error`)."""
    # Each task reads its texts on the cores Spark gave it
    # (spark.task.cpus), not on all of the executor's: the other tasks
    # have theirs. Set before pincite's thread pool starts.
    task = TaskContext.get()
    os.environ.setdefault("RAYON_NUM_THREADS", str(task.cpus() if task else 1))
    import pincite  # imported on the executor

    for batch in batches:
        texts = [t if t is not None else "" for t in batch["text"]]
        years = opinion_years(pincite, batch)
        columns = CITATIONS.fieldNames() + ["error"]
        rows = []
        for doc_id, year, (cites, error) in zip(batch["id"], years, read_batch(pincite, texts)):
            if error is not None:
                rows.append(dict(dict.fromkeys(columns), id=doc_id, error=error))
            rows.extend(citation_row(doc_id, year, i, c) for i, c in enumerate(cites))
        frame = pd.DataFrame(rows, columns=columns, dtype=object)
        yield frame


def read_opinions(spark, args):
    """The opinions as a DataFrame of INPUT_COLUMNS."""
    path = args.input
    if args.format == "text":
        # Bytes, so that pincite checks each file as UTF-8 text itself.
        df = (
            spark.read.format("binaryFile")
            .option("pathGlobFilter", "*.txt")
            .option("recursiveFileLookup", "true")
            .load(path)
            .select(F.col("path").alias("id"), F.col("content").alias("text"))
        )
        return df.withColumn("opinion_year", F.lit(None).cast("int"))
    if args.format == "csv":
        df = spark.read.option("header", True).option("multiLine", True).option("escape", '"').csv(path)
    else:
        df = spark.read.parquet(path)
    year = F.lit(None).cast("int")
    if args.date_column:
        year = F.regexp_extract(F.col(args.date_column).cast("string"), r"(1[6-9][0-9]{2}|20[0-9]{2})", 1)
        year = F.when(year == "", None).otherwise(year.cast("int"))
    return df.select(
        F.col(args.id_column).cast("string").alias("id"),
        F.col(args.text_column).alias("text"),
        year.alias("opinion_year"),
    )


def extract_corpus(spark, args):
    """Reads the opinions, writes citations/ (by kind) and errors/, and
    returns the citations as read back."""
    # The executors unpickle the partition function from this module.
    spark.sparkContext.addPyFile(os.path.abspath(__file__))
    opinions = read_opinions(spark, args)
    if args.partitions:
        opinions = opinions.repartition(args.partitions)
    schema = StructType(CITATIONS.fields + [StructField("error", StringType())])
    out = opinions.mapInPandas(citations_of_batches, schema).cache()
    citations = out.where(F.col("error").isNull()).drop("error")
    citations.write.mode("overwrite").partitionBy("kind").parquet(f"{args.output}/citations")
    errors = out.where(F.col("error").isNotNull()).select("id", "error")
    errors.write.mode("overwrite").parquet(f"{args.output}/errors")
    for row in errors.collect():
        print(f"pincite: {row.id}: {row.error}", file=sys.stderr)
    out.unpersist()
    return spark.read.parquet(f"{args.output}/citations")


MOST_CITED = """
SELECT authority, COUNT(*) AS citations, COUNT(DISTINCT id) AS opinions
FROM citations
WHERE authority IS NOT NULL AND kind NOT IN ('internal', 'record')
GROUP BY authority
ORDER BY citations DESC, authority
LIMIT {limit}
"""

PINS_OF_CASE = """
SELECT pin.page AS page, pin.end AS end, pin.footnote AS footnote, COUNT(*) AS citations
FROM citations LATERAL VIEW explode(pins) p AS pin
WHERE authority = {case}
GROUP BY pin.page, pin.end, pin.footnote
ORDER BY citations DESC, page
"""

CASE_BY_YEAR = """
SELECT opinion_year, COUNT(*) AS citations, COUNT(DISTINCT id) AS opinions
FROM citations
WHERE authority = {case}
GROUP BY opinion_year
ORDER BY opinion_year
"""


def sql_string(s):
    """A SQL string literal."""
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


def most_cited_case(citations):
    """The authority cited most among those cited in full as a case."""
    cases = citations.where(F.col("kind") == "full_case").select("authority").distinct()
    counts = citations.join(cases, "authority").groupBy("authority").count()
    top = counts.orderBy(F.desc("count"), "authority").first()
    return top.authority if top else ""


def answer_questions(spark, citations, case, limit=20):
    """The three scholar's questions as DataFrames: the most cited
    authorities, every pin of `case` with its count, citations of `case`
    by the citing opinion's year. `case` defaults to the most cited case."""
    citations.createOrReplaceTempView("citations")
    most = spark.sql(MOST_CITED.format(limit=int(limit)))
    if case is None:
        case = most_cited_case(citations)
    pins = spark.sql(PINS_OF_CASE.format(case=sql_string(case)))
    years = spark.sql(CASE_BY_YEAR.format(case=sql_string(case)))
    return case, most, pins, years


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--input", required=True, help="a directory of .txt files, or a CSV or Parquet table")
    p.add_argument("--output", required=True, help="the directory to write citations/ and errors/ to")
    p.add_argument("--format", choices=["text", "csv", "parquet"], help="the input's form (by default from its name)")
    p.add_argument("--id-column", default="id")
    p.add_argument("--text-column", default="text")
    p.add_argument("--date-column", help="the table's decision date, for the citing opinion's year")
    p.add_argument("--partitions", type=int, help="repartition the opinions into this many")
    p.add_argument("--case", help="the authority the questions ask about (default: the most cited case)")
    p.add_argument("--master", help="the Spark master when not run with spark-submit (e.g. local[2])")
    args = p.parse_args(argv)
    if args.format is None:
        lower = args.input.lower().rstrip("/")
        args.format = "csv" if lower.endswith(".csv") else "parquet" if lower.endswith(".parquet") else "text"
    return args


def main(argv=None):
    args = parse_args(argv)
    builder = SparkSession.builder.appName("pincite")
    if args.master:
        # Local workers run this interpreter, where pincite is installed.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    citations = extract_corpus(spark, args)
    case, most, pins, years = answer_questions(spark, citations, args.case)
    print("Most cited authorities:")
    most.show(truncate=False)
    print(f"Pins cited of {case}:")
    pins.show(50, truncate=False)
    print(f"Citations of {case} by year of the citing opinion:")
    years.show(truncate=False)
    spark.stop()


if __name__ == "__main__":
    main()
