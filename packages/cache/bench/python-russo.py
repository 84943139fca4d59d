"""Python russo's AudioCache.get/put as the seed listing shows them, timed inside Python for run.mjs.

One JSON request per stdin line, one JSON reply per stdout line. Times are time.perf_counter_ns()
around each call, so interpreter startup and the pipe are not measured.
"""

import json
import logging
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger("russo")


@dataclass
class Audio:
    data: bytes
    format: str = "wav"
    sample_rate: int = 24000


class AudioCache:
    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir

    # get and put: verbatim from /work/shared/seed/russo-cache-api.txt
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

    # Not in the seed listing; the obvious equivalents.
    def _ensure_dir(self) -> None:
        self.cache_dir.mkdir(parents=True, exist_ok=True)

    def _remove_entry(self, key: str) -> None:
        for ext in (".audio", ".meta"):
            (self.cache_dir / f"{key}{ext}").unlink(missing_ok=True)


def bench_get(req):
    cache = AudioCache(Path(req["dir"]))
    samples = []
    for key in req["keys"]:
        t0 = time.perf_counter_ns()
        audio = cache.get(key)
        samples.append(time.perf_counter_ns() - t0)
        if audio is None or len(audio.data) != req["size"]:
            raise SystemExit(f"python get {key}: not a hit of {req['size']} bytes")
    return samples


def bench_put(req):
    cache = AudioCache(Path(req["dir"]))
    audios = [Audio(data=os.urandom(req["size"]), format="pcm", sample_rate=16000) for _ in req["keys"]]
    samples = []
    for key, prompt, audio in zip(req["keys"], req["prompts"], audios):
        t0 = time.perf_counter_ns()
        cache.put(key, audio, prompt=prompt)
        samples.append(time.perf_counter_ns() - t0)
    return samples


def main():
    print(json.dumps({"python": sys.version.split()[0]}), flush=True)
    for line in sys.stdin:
        req = json.loads(line)
        samples = bench_get(req) if req["op"] == "get" else bench_put(req)
        print(json.dumps({"samples": samples}), flush=True)


main()
