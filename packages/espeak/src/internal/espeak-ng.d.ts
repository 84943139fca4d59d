// The npm package `espeak-ng` ships no types: the part of its Emscripten factory this package uses.
declare module 'espeak-ng' {
  interface EmscriptenFS {
    readFile(path: string): Uint8Array
  }

  export interface EspeakModule {
    FS: EmscriptenFS
    /** `main(argc, argv)` of the espeak-ng CLI; `exit()` inside it throws an `ExitStatus`. */
    _main(argc: number, argv: number): number
  }

  export interface EspeakModuleOptions {
    noInitialRun?: boolean
    print?: (line: string) => void
    printErr?: (line: string) => void
    preRun?: Array<() => void>
    onRuntimeInitialized?: () => void
    /** Instantiates the WebAssembly module itself (types are `object`: lib DOM is not loaded here). */
    instantiateWasm?: (imports: object, receive: (instance: object, module: object) => unknown) => object
  }

  const factory: (options?: EspeakModuleOptions) => Promise<EspeakModule>
  // biome-ignore lint/style/noDefaultExport: describes the package as it is: its factory is the default export
  export default factory
}
