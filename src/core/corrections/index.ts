// Corrections: the report form's model and text, the forge link, and local corrections.
export * from './forge';
export * from './local';
export * from './report';
export * from './route';
