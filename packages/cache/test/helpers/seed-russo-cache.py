"""A CLI over Python russo's AudioCache (seed_russo.py) that the compatibility tests drive.

    python3 seed-russo-cache.py read DIR   stdin: ["key", ...]            stdout: [{...} | null, ...]
    python3 seed-russo-cache.py write DIR  stdin: [{prompt, extra, data_hex, format, sample_rate}]  stdout: ["key", ...]
"""
import json
import sys
from pathlib import Path

from seed_russo import Audio, AudioCache


def main() -> None:
    command, cache_dir = sys.argv[1], Path(sys.argv[2])
    cache = AudioCache(cache_dir)
    request = json.load(sys.stdin)
    if command == "read":
        out = []
        for key in request:
            audio = cache.get(key)
            if audio is None:
                out.append(None)
                continue
            prompt = json.loads((cache_dir / f"{key}.meta").read_text())["prompt"]
            out.append({
                "data_hex": audio.data.hex(),
                "format": audio.format,
                "sample_rate": audio.sample_rate,
                "sample_rate_is_int": type(audio.sample_rate) is int,
                "prompt": prompt,
            })
        json.dump({"entries": out, "size": cache.size()}, sys.stdout)
    elif command == "write":
        keys = []
        for item in request:
            key = cache.cache_key(item["prompt"], **item["extra"])
            audio = Audio(data=bytes.fromhex(item["data_hex"]), format=item["format"], sample_rate=item["sample_rate"])
            cache.put(key, audio, prompt=item["prompt"])
            keys.append(key)
        json.dump(keys, sys.stdout)
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main()
