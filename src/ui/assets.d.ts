/** Stylesheets are bundled into the page by esbuild. */
declare module '*.css';
