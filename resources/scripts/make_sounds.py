"""Write Steady's sound cues: short, soft tones made from sine waves.

    python resources/scripts/make_sounds.py          # writes into resources/sounds/
    python resources/scripts/make_sounds.py --check  # exit 1 when a file is out of date
    python resources/scripts/make_sounds.py --out DIR

Four cues, told apart by their shape rather than by loudness:

=============  =====================================================  =======
file           what it sounds like                                    length
=============  =====================================================  =======
inhale.wav     a tone gliding up (G3 to C4), like a breath filling    0.55 s
hold.wav       one soft, steady tone (E4)                             0.35 s
exhale.wav     a tone gliding down (C4 to G3), like a breath leaving  0.60 s
step-end.wav   a gentle chime (C5 with a quiet fifth), fading away    0.60 s
=============  =====================================================  =======

Every tone starts and ends with a raised-cosine fade (no click), peaks well
below full scale (about -14 dBFS) and carries a quiet second harmonic so it is
heard on small laptop speakers too. 44.1 kHz, 16-bit, mono. Only the standard
library is used and nothing is random, so the same script always writes the
same bytes; the files are committed and a test checks they are current.
"""

from __future__ import annotations

import argparse
import io
import math
import struct
import sys
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SOUND_DIR = Path(__file__).resolve().parent.parent / "sounds"
RATE = 44_100
#: Peak level, as a share of full scale: about -14 dBFS, soft even at full volume.
PEAK = 0.2
#: The quiet second harmonic that makes a low tone audible on small speakers.
HARMONIC = 0.18


@dataclass(frozen=True)
class Tone:
    """One cue: a pitch path, an envelope and a length."""

    seconds: float
    start_hz: float
    end_hz: float
    attack: float  # seconds of fade-in
    release: float  # seconds of fade-out
    decay: float = 0.0  # > 0: an exponential fade (a struck chime), per second
    fifth: float = 0.0  # level of a pure fifth above, for the chime

    def frequency(self, progress: float) -> float:
        """The pitch at ``progress`` (0..1): a smooth (cosine) glide on a log scale."""
        eased = 0.5 - 0.5 * math.cos(math.pi * progress)
        return self.start_hz * (self.end_hz / self.start_hz) ** eased


CUES: dict[str, Tone] = {
    "inhale": Tone(0.55, 196.00, 261.63, attack=0.12, release=0.18),
    "hold": Tone(0.35, 329.63, 329.63, attack=0.06, release=0.16),
    "exhale": Tone(0.60, 261.63, 196.00, attack=0.08, release=0.24),
    "step-end": Tone(0.60, 523.25, 523.25, attack=0.02, release=0.20, decay=5.0,
                     fifth=0.35),
}


def _fade(t: float, length: float) -> float:
    """0 -> 1 over ``length`` seconds along a raised cosine."""
    if length <= 0 or t >= length:
        return 1.0
    return 0.5 - 0.5 * math.cos(math.pi * t / length)


def samples(tone: Tone, rate: int = RATE) -> list[int]:
    """The tone as signed 16-bit samples."""
    count = round(tone.seconds * rate)
    peak = PEAK * 32767 / (1.0 + HARMONIC + tone.fifth)
    out: list[int] = []
    phase = 0.0
    for i in range(count):
        t = i / rate
        progress = i / max(1, count - 1)
        envelope = _fade(t, tone.attack) * _fade(tone.seconds - t, tone.release)
        if tone.decay:
            envelope *= math.exp(-tone.decay * t)
        value = (math.sin(phase) + HARMONIC * math.sin(2 * phase)
                 + tone.fifth * math.sin(1.5 * phase))
        out.append(round(peak * envelope * value))
        phase += 2 * math.pi * tone.frequency(progress) / rate
        phase %= 4 * math.pi  # stays small; a multiple of every partial's period
    return out


def render(name: str, rate: int = RATE) -> bytes:
    """The complete WAV file for cue ``name``."""
    data = samples(CUES[name], rate)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(struct.pack(f"<{len(data)}h", *data))
    return buffer.getvalue()


def write_all(folder: Path, report: Callable[[str], object] = print) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in CUES:
        path = folder / f"{name}.wav"
        path.write_bytes(render(name))
        report(f"wrote {path.name}")
        written.append(path)
    return written


def stale(folder: Path) -> list[str]:
    """Names of the files in ``folder`` that differ from what this script writes."""
    return [name for name in CUES
            if not (folder / f"{name}.wav").is_file()
            or (folder / f"{name}.wav").read_bytes() != render(name)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SOUND_DIR, help="where to write")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when a file is missing or out of date")
    args = parser.parse_args(argv)
    if args.check:
        out_of_date = stale(args.out)
        for name in out_of_date:
            print(f"{name}.wav is out of date: run resources/scripts/make_sounds.py")
        return 1 if out_of_date else 0
    write_all(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
