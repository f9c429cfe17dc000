#!/usr/bin/python3
"""Writes a WordPress export (WXR 1.2, as tests/http/wxr_make.py writes it) of N posts for bench/import.sh.

Usage: bench/wxr_gen.py N OUT.xml UPLOADS_DIR

Each post: a block-editor body of about 3 KB (paragraphs, two headings, a list, links, one image of the 20 in
UPLOADS_DIR), a first category of 20 and three tags of 200, a date over five years, two comments on every tenth.
The file is written item by item (never whole in memory); the same N always gives the same bytes.
"""
import datetime
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "http"))
from wxr_make import (Export, block_heading, block_image, block_list, block_paragraph, utc,  # noqa: E402
                      write_uploads)

WORDS = ("trial patients survival overall progression-free hazard ratio median months adjuvant neoadjuvant "
         "chemotherapy immunotherapy pembrolizumab nivolumab atezolizumab durvalumab osimertinib trastuzumab "
         "deruxtecan olaparib endpoint randomised phase cohort biomarker toxicity grade response rate complete "
         "pathological benefit subgroup analysis follow-up enrolled arm placebo standard care congress abstract "
         "presented data investigators results clinically meaningful statistically significant early metastatic "
         "disease recurrence relapse treatment dose safety quality of life").split()
IMAGES = 20


def sentence(rng, n=None):
    words = [rng.choice(WORDS) for _ in range(n or rng.randint(10, 22))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng, sentences=4):
    return " ".join(sentence(rng) for _ in range(sentences))


def body(rng, e, i):
    image = i % IMAGES + 1
    parts = [block_paragraph(paragraph(rng, 4)),
             block_heading("What the trial showed"),
             block_paragraph(paragraph(rng, 4) + f' See the <a href="https://doi.org/10.1000/bench.{i}">abstract</a>.'),
             block_list([sentence(rng, 8) for _ in range(4)]),
             block_image(image, e.upload_url(f"2023/{image:02d}/figure-{image}.jpg"), f"Figure {image}"),
             block_heading("What it means for practice", 3),
             block_paragraph(paragraph(rng, 5)),
             block_paragraph(f'<strong>{sentence(rng, 6)}</strong> <em>{sentence(rng, 8)}</em> '
                             f'<a href="https://old.example.org/2022/01/01/post-{max(i - 1, 0)}/">earlier</a>.')]
    return "".join(parts)


def main():
    if len(sys.argv) != 4 or not sys.argv[1].isdigit():
        sys.exit(__doc__.strip().split("\n\n")[1])
    n, out, uploads = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    rng = random.Random(17)
    e = Export(site="https://old.example.org")
    for a in range(5):
        e.author(f"author{a}", f"author{a}@old.example.org", f"Author {a}")
    cats = [e.category(f"category-{c}", f"Category {c}") for c in range(20)]
    tags = [e.tag(f"topic-{t}", f"Topic {t}") for t in range(200)]
    write_uploads(uploads, {f"2023/{k:02d}/figure-{k}.jpg": "jpeg" for k in range(1, IMAGES + 1)})
    with open(out, "w", encoding="utf-8") as f:
        f.write(e.head())
        for k in range(1, IMAGES + 1):
            f.write(e.item_text(e.attachment(k, f"2023/{k:02d}/figure-{k}.jpg", alt=f"Figure {k}")))
            e.items.clear()
        start = utc(2019, 1, 1, 8, 0, 0).timestamp()
        for i in range(n):
            when = datetime.datetime.fromtimestamp(start + i * (5 * 365 * 86400 // max(n, 1)), datetime.timezone.utc)
            it = e.post(1000 + i, f"Interview {i}: {sentence(rng, 6)[:-1]}", body(rng, e, i), slug=f"interview-{i}",
                        date=when, author=f"author{i % 5}", categories=[cats[i % 20]],
                        tags=[tags[(i * 7 + k * 13) % 200] for k in range(3)], comments=2 if i % 10 == 0 else 0,
                        excerpt=sentence(rng, 14) if i % 2 else "")
            f.write(e.item_text(it))
            e.items.clear()
        f.write(e.TAIL)


if __name__ == "__main__":
    main()
