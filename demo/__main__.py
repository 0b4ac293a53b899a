"""``python -m demo OUT_DIR [INCIDENTS] [SEED]``."""
import sys

from demo import generate

args = sys.argv[1:]
if not args:
    print("usage: python -m demo OUT_DIR [INCIDENTS] [SEED]", file=sys.stderr)
    sys.exit(2)
print(generate(args[0], int(args[1]) if len(args) > 1 else 200, int(args[2]) if len(args) > 2 else 7))
