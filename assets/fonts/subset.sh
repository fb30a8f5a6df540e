#!/usr/bin/env bash
# Rebuilds the chart fonts in this folder from Debian's DejaVu Sans, keeping only the characters a
# chart can show (see README.md here). Needs Debian's fonts-dejavu-core 2.37 and fonttools 4.38
# (apt-get install fonts-dejavu-core fonttools); with those, the output is the same byte for byte.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source_dir=${DEJAVU_DIR:-/usr/share/fonts/truetype/dejavu}
# Basic Latin, Latin-1 and Latin Extended-A, Greek, general punctuation, currency signs, arrows,
# mathematical operators, geometric shapes.
unicodes='U+0020-007E,U+00A0-017F,U+0370-03FF,U+2000-206F,U+20A0-20CF,U+2190-21FF,U+2200-22FF,U+25A0-25FF'
for name in DejaVuSans DejaVuSans-Bold; do
  pyftsubset "$source_dir/$name.ttf" --unicodes="$unicodes" --output-file="$here/$name.subset.ttf"
done
sha256sum "$here"/*.subset.ttf
