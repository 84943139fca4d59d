"""Python russo's AudioCache as published (get, put, cache_key, size copied verbatim from
/work/shared/seed/russo-cache-api.txt), plus a CLI the compatibility tests drive through stdin/stdout.

    python3 seed-russo-cache.py read DIR   stdin: ["key", ...]            stdout: [{...} | null, ...]
    python3 seed-russo-cache.py write DIR  stdin: [{prompt, extra, data_hex, format, sample_rate}]  stdout: ["key", ...]
"""
from __future__ import annotations

import hashlib
import json
import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

logger = logging.getLogger("russo")


@dataclass
class Audio:
    data: bytes
    format: str = "wav"
    sample_rate: int = 24000


class AudioCache:
    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir

    def _ensure_dir(self) -> None:
        self.cache_dir.mkdir(parents=True, exist_ok=True)

    def _remove_entry(self, key: str) -> None:
        for suffix in (".audio", ".meta"):
            (self.cache_dir / f"{key}{suffix}").unlink(missing_ok=True)

    # --- verbatim from russo's src/russo/_cache.py ---
    def cache_key(self, prompt: str, **extra: Any) -> str:
        """Deterministic key from prompt text + optional extra metadata.

        Extra kwargs (e.g. voice, model) are included so a change in
        synthesizer config invalidates the cache automatically.
        """
        blob = json.dumps({"prompt": prompt, **extra}, sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()[:24]

    def get(self, key: str) -> Audio | None:
        """Load cached audio, or None if not cached."""
        audio_path = self.cache_dir / f"{key}.audio"
        meta_path = self.cache_dir / f"{key}.meta"
        if not audio_path.exists() or not meta_path.exists():
            return None
        try:
            meta = json.loads(meta_path.read_text())
            data = audio_path.read_bytes()
            logger.debug("Cache hit: %s", key)
            return Audio(data=data, format=meta["format"], sample_rate=meta["sample_rate"])
        except (json.JSONDecodeError, KeyError, OSError) as exc:
            logger.warning("Corrupt cache entry %s, removing: %s", key, exc)
            self._remove_entry(key)
            return None

    def put(self, key: str, audio: Audio, *, prompt: str = "") -> None:
        """Write audio + metadata to cache."""
        self._ensure_dir()
        audio_path = self.cache_dir / f"{key}.audio"
        meta_path = self.cache_dir / f"{key}.meta"
        audio_path.write_bytes(audio.data)
        meta = {
            "format": audio.format,
            "sample_rate": audio.sample_rate,
            "prompt": prompt,
        }
        meta_path.write_text(json.dumps(meta, indent=2))
        logger.debug("Cached: %s (%d bytes)", key, len(audio.data))

    def size(self) -> int:
        """Number of cached audio entries."""
        if not self.cache_dir.exists():
            return 0
        return sum(1 for f in self.cache_dir.iterdir() if f.suffix == ".audio")
    # --- end verbatim ---


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
