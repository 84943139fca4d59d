"""Python russo's AudioCache.get/put (the seed, test/helpers/seed_russo.py), timed inside Python for run.mjs.

One JSON request per stdin line, one JSON reply per stdout line. Times are time.perf_counter_ns()
around each call, so interpreter startup and the pipe are not measured.
"""

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "test" / "helpers"))
from seed_russo import Audio, AudioCache  # noqa: E402  (the seed's code, shared with the compat tests)


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
