declare module 'virtual:peptidelens/rules' {
  const set: import('./schema').CompiledRuleSet;
  export default set;
}
declare module 'virtual:peptidelens/prefilter' {
  const data: import('./schema').PrefilterData;
  export default data;
}
declare module 'virtual:peptidelens/gate' {
  const data: import('./gate').GateData;
  export default data;
}
