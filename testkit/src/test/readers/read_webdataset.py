"""Reads a Custody delivery as WebDataset does, with Python's standard library only.

A sample is the run of consecutive tar members sharing a key (the name up to the first dot).
Every WAV is decoded to the end, its length checked against its JSON, and its SHA-256 against
provenance.json. Prints one JSON line: the keys in order and the total seconds of audio.
"""
import hashlib
import json
import sys
import tarfile
import wave
from pathlib import Path


def samples(shard):
    with tarfile.open(shard, mode="r:") as tar:
        key, current = None, {}
        for member in tar:
            name = member.name
            sample_key, _, extension = name.partition(".")
            if sample_key != key and current:
                yield key, current
                current = {}
            key = sample_key
            current[extension] = tar.extractfile(member).read()
        if current:
            yield key, current


def main(folder):
    folder = Path(folder)
    provenance = json.loads((folder / "provenance.json").read_text())
    expected = {s["key"]: s for s in provenance["samples"]}
    keys, seconds = [], 0.0
    for shard in sorted(folder.glob("shard-*.tar")):
        for key, files in samples(shard):
            assert set(files) == {"wav", "json"}, (key, sorted(files))
            meta = json.loads(files["json"])
            with wave.open(__import__("io").BytesIO(files["wav"])) as audio:
                frames = audio.readframes(audio.getnframes())
                decoded = len(frames) // (audio.getsampwidth() * audio.getnchannels())
                assert audio.getframerate() == meta["sample_rate"], key
            assert decoded == meta["frames"], (key, decoded, meta["frames"])
            assert abs(decoded / meta["sample_rate"] - meta["duration_s"]) < 1e-9, key
            assert hashlib.sha256(files["wav"]).hexdigest() == expected[key]["wavSha256"], key
            assert hashlib.sha256(files["json"]).hexdigest() == expected[key]["jsonSha256"], key
            keys.append(key)
            seconds += meta["duration_s"]
    print(json.dumps({"keys": keys, "seconds": seconds}))


if __name__ == "__main__":
    main(sys.argv[1])
