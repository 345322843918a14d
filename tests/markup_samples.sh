#!/bin/sh
# The agencies' own NITF, NewsML, NewsML-G2 and ninjs samples (../shared/corpus/news/wire-samples/
# superdesk-core/, not in the tree) read as articles with the values they hold: those
# wire-samples/SOURCES.md lists (ap-nitf.xml, nitf-fishing.xml, aap.xml), and for the others what
# the files say, read by eye and written here as facts. Skipped, saying so, without ../shared.
# Usage: tests/markup_samples.sh CABLEWIRE [SAMPLES_DIR]
set -u
CW=${1:?usage: tests/markup_samples.sh CABLEWIRE [SAMPLES_DIR]}
DIR=${2:-../shared/corpus/news/wire-samples/superdesk-core}
if [ ! -d "$DIR" ]; then
	echo "markup_samples: skipped: $DIR not found (the shared corpus is not part of the repository)"
	exit 0
fi
command -v jq >/dev/null 2>&1 || { echo "markup_samples: jq not found (Debian: jq)" >&2; exit 1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
n=0 fails=0
# expect FILE JQ-EXPRESSION EXPECTED-JSON: the expression on the file's (first) record.
expect() {
	n=$((n + 1))
	out=$T/$(echo "$1" | tr -c 'A-Za-z0-9.\n' _).jsonl
	[ -f "$out" ] || "$CW" convert --no-progress "$DIR/$1" -o "$out" 2>/dev/null
	got=$(head -n 1 "$out" | jq -c "$2" 2>&1)
	want=$(echo "$3" | jq -c . 2>&1)
	if [ "$got" != "$want" ]; then
		fails=$((fails + 1))
		echo "FAIL: $1: $2: got $got, expected $want" >&2
	fi
}
# ---- the values SOURCES.md lists ----
expect ap-nitf.xml .source.format '"nitf"'
expect ap-nitf.xml .headline '"Can trading pollution like stocks help fight climate change?"'
expect ap-nitf.xml '.bylines' '[{"name":"BERNARD CONDON","title":"AP Business Writer","affiliation":null}]'
expect ap-nitf.xml '.dateline.location' '"NEW YORK"'
expect ap-nitf.xml '.ednote' '["For global distribution"]'
expect ap-nitf.xml '.paragraphs[0].text | startswith("NEW YORK (AP) —")' 'true'
expect nitf-fishing.xml '.bylines[0].name' '"Alan Karben"'
expect aap.xml '.dateline.location' '"Sydney"'
expect aap.xml '.bylines[0].name' '"John Doe"'
# ---- read in the files ----
expect nitf-fishing.xml .headline '"Weather and Tide Updates for Norfolk"'
expect nitf-fishing.xml '.wire | [.item_id, .slugline, .priority, .version]' '["iptc.321656141.b","ongoing-winter-tide-updates","3","1"]'
expect aap.xml '.wire | [.format, .item_id, .priority, .transmitted]' '["nitf","AAP.115314987.5417374","5","2013-10-20T19:27:51+11:00"]'
expect aap.xml .headline '"The main stories on today'"'"'s 1900 ABC TV news"'
expect efe_nitf.xml .headline '"Honduran president announces Cabinet changes"'
expect efe_nitf.xml '.wire | [.item_id, .priority, .created]' '["22751909","5","2017-01-02T22:28:00+00:00"]'
expect efe_nitf.xml '.paragraphs[0].text' '"Tegucigalpa, Jan 2 (EFE).- Test body."'
expect nitf-ntb.xml .headline '"Faktisk.no: Nei, dette dokumentet beskriver ikke FNs Agenda 21 eller Agenda 2030"'
expect nitf-ntb.xml '.dateline.location' '"Oslo"'
expect nitf-ntb.xml '.paragraphs[0].text' '"Nei, dette dokumentet beskriver ikke FNs Agenda 21 eller Agenda 2030"'
expect nitf-ntb.xml '[.paragraphs[] | select(.subhead) | .text][0]' '"Påstand"'
expect nitf-ntb.xml '.wire | [.item_id, .version]' '["faktisk-d9cde75b-256e-4989-b6a3-b8ad27f43a5c_47","48"]'
expect ap_media_text_nitf.xml .headline '"BC-BBN--Top Ten"'
expect ap_media_text_nitf.xml '.bylines[0].affiliation' '"The Associated Press"'
expect afp.xml .source.format '"newsml"'
expect afp.xml .headline '"Sweden court accepts receivership for Saab carmaker"'
expect afp.xml '.wire | [.item_id, .slugline, .priority, .sender]' '["urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86:1","Sweden-China-auto-business-bankruptcy-Saab","4","AFP"]'
expect afp.xml '.dateline | [.text, .location]' '["STOCKHOLM, Aug 29, 2014 (AFP) -","Stockholm"]'
expect afp.xml '.paragraphs | length' '10'
expect ansa-newsmlg2-text.xml .source.format '"newsml-g2"'
expect ansa-newsmlg2-text.xml .headline '"Catalan independence declaration unacceptable - Alfano"'
expect ansa-newsmlg2-text.xml .deck '["Foreign minister expresses faith in Spanish government"]'
expect ansa-newsmlg2-text.xml '.dateline.location' '"Rome"'
expect ansa-newsmlg2-text.xml '.wire | [.item_id, .version, .priority]' '["tag:ansa.it,2017-10-11:40e5fb1034e7e2b21942ea09718fc85a","1","5"]'
expect ansa-newsmlg2-text.xml '.paragraphs[0].text | startswith("(ANSA) - Rome, October 11 - Italian Foreign Minister")' 'true'
expect 'tag_reuters.com,2018_newsml_MTZXEE13ZXCZES_2' .source.format '"newsml-g2"'
expect 'tag_reuters.com,2018_newsml_MTZXEE13ZXCZES_2' .headline '"UPDATE 2-Primeira Liga Results"'
expect 'tag_reuters.com,2018_newsml_MTZXEE13ZXCZES_2' '.wire | [.slugline, .version, .sender, (.subjects | index("a1312cat:s") != null)]' '["SOCCER-PORTUGAL/RESULTS (UPDATE 2)","2","reuters.com",true]'
expect ninjs1.json .source.format '"ninjs"'
expect ninjs1.json '[.headline, .deck, [.bylines[].name], .dateline.location]' '["headline",["abstract"],["Peter","Jane"],"Milton Keynes"]'
expect ninjs1.json '.wire | [.slugline, .priority, .version, .transmitted]' '["slugline","3","2","2017-08-24T04:38:34+00:00"]'
expect ninjs2.json .headline '"Oil prices edge up on first drop in US drilling in months"'
expect ninjs2.json '[.bylines[0].name, .dateline.location, .wire.slugline]' '["Henning Gloystein","Singapore","GLOBAL-OIL"]'
expect ninjs3.json '[.headline, .wire.item_id]' '["German Air Force Museum","20170825001315282180"]'
expect ninjsExSimpleText1.json '[.headline, [.bylines[].name], .dateline.text]' '["Captain of wrecked cruise ship on trial in Italy",["Paulo Santalucia","Frances d'"'"'Emilio"],"GROSSETO, Italy (AP) --"]'
expect ninjsExMediumText1.json '.wire.item_id' '"http://ninjs.example.com/newsitems/20130709med123"'
expect bbc-ninjs-text-test.json '[.headline, .wire.item_id]' '["advisory","https://www.example.com//12345"]'
expect ap_media_text_item.json '[.headline, .wire.slugline, .wire.priority]' '["BC-BBN--Top Ten","BC-BBN--Top Ten","4"]'
if [ "$fails" -gt 0 ]; then
	echo "markup_samples: $fails of $n values differ"
	exit 1
fi
echo "markup_samples: $n values of 16 agency samples (NITF, NewsML, NewsML-G2, ninjs) as expected"
