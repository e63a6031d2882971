#!/bin/sh
# Writes words.gz, the word list the proofreader spells against, from Debian's SCOWL
# packages: every word of wamerican-large and wbritish-large (SCOWL size 70, US and UK
# spellings), each under the smallest SCOWL size that holds it — 10 for the commonest
# words, 70 for the rarest — read from the scowl package's lists. See README.md.
#
# Run it on a Debian or Ubuntu machine from this folder: sh mkwords.sh
# It needs apt-get and dpkg-deb, and nothing installed: the packages are downloaded and
# unpacked in a temporary folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod a+rwx "$tmp" # apt-get downloads as its own user where it can
cd "$tmp"
apt-get download scowl wamerican-large wbritish-large >/dev/null
for deb in *.deb; do dpkg-deb -x "$deb" x; done
versions=$(for deb in *.deb; do dpkg-deb -W --showformat='${Package} ${Version}\n' "$deb"; done | paste -sd',' - | sed 's/,/, /g')

export LC_ALL=C
# The words a letter may use: the two size-70 lists, without possessives ("Paris's"),
# which the proofreader takes apart itself.
cat x/usr/share/dict/american-english-large x/usr/share/dict/british-english-large |
	grep -v "'s\$" | sort -u >accepted

# "size word" for every word of SCOWL's US and UK lists up to size 70.
: >sized
for size in 10 20 35 40 50 55 60 70; do
	for f in x/usr/share/dict/scowl/*."$size"; do
		case $(basename "$f") in
		english-* | american-* | british-* | variant_* | special-*) sed "s/^/$size /" "$f" >>sized ;;
		esac
	done
done

# Each accepted word once, under its smallest size; a word no sized list holds is rare.
awk 'NR == FNR { if (!($2 in size) || $1 < size[$2]) size[$2] = $1; next }
	{ print (($0 in size) ? size[$0] : 70), $0 }' sized accepted |
	sort -k1,1n -k2 |
	awk -v versions="$versions" '
		BEGIN {
			print "# SCOWL word lists, from Debian: " versions "."
			print "# Written by mkwords.sh; see README.md and COPYING-SCOWL. Each \"= N\" line starts the"
			print "# words of SCOWL size N: the smaller the size, the commoner the word."
		}
		$1 != last { print "= " $1; last = $1 }
		{ print $2 }' |
	gzip -9n >"$here/words.gz"
cp x/usr/share/doc/wamerican-large/copyright "$here/COPYING-SCOWL"
echo "wrote $here/words.gz ($(wc -c <"$here/words.gz") bytes)"
