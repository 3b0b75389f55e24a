/** Vite's `?inline` imports give a stylesheet's text, injected into the shadow root as a <style>. */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
