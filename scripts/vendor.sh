#!/bin/sh
# Refresh the vendored front-end assets in static/vendor/ from node_modules.
# Usage: npm ci && sh scripts/vendor.sh   (then commit static/vendor/)
set -eu
N=node_modules
D=static/vendor
rm -rf "$D"
mkdir -p "$D/designsystemet" "$D/inter/files"
cp $N/@digdir/designsystemet-css/dist/src/index.css "$D/designsystemet/designsystemet.css"
cp $N/@digdir/designsystemet-css/dist/theme/designsystemet.css "$D/designsystemet/theme.css"
cp $N/@digdir/designsystemet-css/LICENSE "$D/designsystemet/LICENSE"
# UMD bundle: strip the sourcemap comment, which breaks manifest storage.
sed '/^\/\/# sourceMappingURL=/d' $N/@digdir/designsystemet-web/dist/umd/index.js > "$D/designsystemet/designsystemet-web.js"
for w in 400 500 600; do
  cp "$N/@fontsource/inter/$w.css" "$D/inter/"
  for f in $(grep -o 'files/[^)]*' "$N/@fontsource/inter/$w.css" | sort -u); do
    cp "$N/@fontsource/inter/$f" "$D/inter/files/"
  done
done
cp $N/@fontsource/inter/LICENSE "$D/inter/LICENSE"
cat > "$D/THIRD-PARTY-NOTICES.txt" <<'TXT'
static/vendor/ holds third-party front-end files, served by the site itself.
- @digdir/designsystemet-css, @digdir/designsystemet-web: MIT, Copyright Digitaliseringsdirektoratet (Digdir).
  The web UMD bundle also contains floating-ui (MIT), u-elements (MIT), invokers-polyfill (MIT)
  and @oddbird/popover-polyfill (BSD-3-Clause).
- @fontsource/inter: SIL Open Font License 1.1 (inter/LICENSE).
TXT
echo "vendored into $D"
