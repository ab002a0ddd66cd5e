/** electron-installer-debian ships no types; this is the part debPackage.ts uses (its README's API). */
declare module 'electron-installer-debian' {
  interface DebianInstallerOptions {
    src: string;
    dest: string;
    arch: string;
    options?: Record<string, unknown>;
  }
  export default function installer(options: DebianInstallerOptions): Promise<{ packagePaths: string[] }>;
}
