export * from './Units.js';
export {AttributeFormatter} from './AttributeFormatter.js';
