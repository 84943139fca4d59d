"""Python russo's AudioCache as published: get, put, cache_key and size copied verbatim from
/work/shared/seed/russo-cache-api.txt. Imported by the compatibility tests' CLI (seed-russo-cache.py)
and the benchmark (bench/python-russo.py), so both run the same code."""
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
