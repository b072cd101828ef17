// electron-builder afterPack hook used only by test/packaging/asar-contents.test.ts: the
// offline `--linux dir` build makes no .desktop file, so this asks electron-builder's own
// Linux helper what the AppImage/deb targets would write (desktop entry, file name, icon
// set) and saves it in the output folder (not inside the app) for the test to read.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper.js';

export default async function previewLinuxIntegration(context) {
  const helper = new LinuxTargetHelper(context.packager);
  const preview = {
    desktopEntry: await helper.computeDesktopEntry(context.packager.platformSpecificBuildOptions),
    desktopFileName: helper.getDesktopFileName(),
    icons: (await helper.icons).map((icon) => ({ file: icon.file, size: icon.size })),
  };
  await writeFile(
    path.join(context.outDir, 'linux-integration.json'),
    JSON.stringify(preview, null, 2),
  );
}
